import { z } from 'zod';
import { localizedTextSchema, type Locale } from './locales';

/** Image types a kiosk shows as the office's logo (through <img>, so an SVG runs no script). */
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const;
/** A logo is a small emblem on a tablet header: 256 KB of base64 is plenty. */
export const LOGO_MAX_BASE64_CHARS = 256 * 1024;

export const officeLogoSchema = z.strictObject({
  mediaType: z.enum(LOGO_MEDIA_TYPES),
  base64: z.string().min(1).max(LOGO_MAX_BASE64_CHARS).regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type OfficeLogo = z.infer<typeof officeLogoSchema>;

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
