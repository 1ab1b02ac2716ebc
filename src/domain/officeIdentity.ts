import { z } from 'zod';
import { localizedTextSchema, type Locale } from './locales';
import { officeStreetsSchema } from './officeStreets';

/** Image types a kiosk shows as the office's logo (through <img>, so an SVG runs no script). */
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const;
/** A logo is a small emblem on a tablet header: 256 KB of base64 is plenty. */
export const LOGO_MAX_BASE64_CHARS = 256 * 1024;

export const officeLogoSchema = z.strictObject({
  mediaType: z.enum(LOGO_MEDIA_TYPES),
  base64: z.string().min(1).max(LOGO_MAX_BASE64_CHARS).regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type OfficeLogo = z.infer<typeof officeLogoSchema>;

/** Days of the week, ISO numbering: 1 is Monday, 7 is Sunday. */
export const weekdaySchema = z.int().min(1).max(7);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * When an annex is open: a few spans, each for some days (`{ days: [1,2,3,4,5], opens: '08:30',
 * closes: '16:30' }`); a day with a lunch break has two spans. Empty: not said (the portal shows
 * a neutral "ask the annex"). Written as data, so each language formats it its own way.
 */
export const openingHoursSchema = z
  .array(
    z
      .strictObject({ days: z.array(weekdaySchema).min(1).max(7), opens: clockTime, closes: clockTime })
      .refine((span) => span.opens < span.closes, { message: 'opens before it closes' }),
  )
  .max(14);
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/**
 * Opening hours as an operator types them: spans separated by `;`, each `<days> <opens>-<closes>`
 * where days are ISO weekday numbers, ranges or lists (`1-5 08:30-16:30; 6 09:00-12:00`).
 * Null when the text is not that shape (the schema then checks the times).
 */
export function parseOpeningHours(text: string): OpeningHours | null {
  const spans: OpeningHours = [];
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([1-7](?:\s*[-,]\s*[1-7])*)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part);
    if (!match) return null;
    const days = new Set<number>();
    for (const piece of match[1]!.split(',').map((p) => p.trim())) {
      const [from, to = from] = piece.split('-').map((d) => Number(d.trim()));
      if (from === undefined || to === undefined || to < from) return null;
      for (let day = from; day <= to; day++) days.add(day);
    }
    spans.push({ days: [...days].sort(), opens: match[2]!, closes: match[3]! });
  }
  return spans;
}

const addressSchema = localizedTextSchema.refine((lines) => Object.values(lines).every((line) => line.trim().length > 0 && line.length <= 200), {
  message: 'each address is 1 to 200 characters',
});

/**
 * How an office presents itself on its kiosks: its name in every kiosk language (so an Arabic
 * screen never shows a French name) and, optionally, its logo. Set on the back office and pulled
 * by the kiosks like the catalogue; `version` only grows.
 */
export const officeIdentitySchema = z.strictObject({
  version: z.int().min(1),
  names: localizedTextSchema.refine((names) => Object.values(names).every((name) => name.trim().length > 0 && name.length <= 120), {
    message: 'each name is 1 to 120 characters',
  }),
  logo: officeLogoSchema.nullable(),
  /** Where the annex is, in every language (the portal's list of offices); absent or null: not said. */
  address: addressSchema.nullable().optional(),
  /** Absent or empty: not said. */
  openingHours: openingHoursSchema.optional(),
  /** The streets of the annex's territory, for the kiosk's address picker; absent or empty: the address is typed. */
  streets: officeStreetsSchema.optional(),
});
export type OfficeIdentity = z.infer<typeof officeIdentitySchema>;

export function logoDataUrl(logo: OfficeLogo): string {
  return `data:${logo.mediaType};base64,${logo.base64}`;
}

/**
 * The office's name on a screen in `locale`: the back office's name in that language when an
 * identity was pulled; else the name a supervisor typed in the settings, if one was typed; else
 * the neutral default in that language (never another language's default).
 */
export function officeNameIn(
  locale: Locale,
  sources: { identity: OfficeIdentity | null; configuredName: string; defaultConfiguredName: string; neutralName: string },
): string {
  if (sources.identity) return sources.identity.names[locale];
  const configured = sources.configuredName.trim();
  return configured && configured !== sources.defaultConfiguredName ? configured : sources.neutralName;
}

/** `GET ${API_PREFIX}/office-identity?since=<version>`: the office's identity when newer than the kiosk's, else null. */
export const officeIdentityResponseSchema = z.strictObject({
  identity: officeIdentitySchema.nullable(),
});
export type OfficeIdentityResponse = z.infer<typeof officeIdentityResponseSchema>;
