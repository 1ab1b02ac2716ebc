import { z } from 'zod';
import { freeTextSchema } from './text';
import type { Locale } from './locales';
import { streetPromptKey } from './streetPrompts';

/**
 * The streets of the annex's territory. A residence certificate is issued only to residents of
 * that territory, so the office knows its streets: the kiosk lets a citizen find theirs in this
 * list (a few letters, then a touch) instead of typing it. Data of the office, set on the back
 * office with its identity and pulled by its kiosks; no list keeps the free field.
 */

/** A name as a street sign shows it: 1 to 120 characters, cleaned like every free text. */
const streetNameSchema = freeTextSchema({ max: 120, letterRequired: true });

/** One street: its name in Arabic script and in Latin script (as on the signs and the bills). */
export const officeStreetSchema = z.strictObject({ ar: streetNameSchema, latin: streetNameSchema });
export type OfficeStreet = z.infer<typeof officeStreetSchema>;

/** An annex covers a few hundred streets; 3,000 keeps the identity small for every pull. */
export const OFFICE_STREETS_MAX = 3000;
export const officeStreetsSchema = z.array(officeStreetSchema).max(OFFICE_STREETS_MAX);
export type OfficeStreets = z.infer<typeof officeStreetsSchema>;

/** A house number on a Moroccan address: digits, maybe a letter or a slash (`12`, `12B`, `4/2`). */
export const HOUSE_NUMBER_MAX_LENGTH = 8;

/**
 * Text folded for matching what a citizen types against a name: lower case, Latin accents
 * dropped, Arabic short vowels and tatweel dropped, the hamza-carrying alifs read as a bare
 * alif, alif maqsura as ya and ta marbuta as ha (people type them either way).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .toLowerCase()
    .replace(/[-'’.,]/g, ' ')
    .trim();
}

function words(name: string): string[] {
  return foldForSearch(name).split(/\s+/).filter(Boolean);
}

/** The Arabic article, which a citizen looking for "الأطلس" may leave out and start at "أط". */
const ARABIC_ARTICLE = '\u0627\u0644';

/**
 * The streets whose Arabic or Latin name has a word starting with what was typed (`at` finds
 * "Rue Atlas", `اط` finds "زنقة الأطلس" with or without its article; the typed text may span
 * words: `rue at`), in the list's order. Nothing typed: the whole list, to browse.
 */
export function streetsMatching(streets: readonly OfficeStreet[], typed: string): OfficeStreet[] {
  const query = foldForSearch(typed);
  if (!query) return [...streets];
  return streets.filter((street) =>
    [street.ar, street.latin].some((name) => {
      const folded = words(name);
      return folded.some((word, index) => {
        const rest = folded.slice(index).join(' ');
        return rest.startsWith(query) || (word.startsWith(ARABIC_ARTICLE) && word.length > 3 && rest.slice(ARABIC_ARTICLE.length).startsWith(query));
      });
    }),
  );
}

/**
 * The address as the request stores it (the same free-text field a citizen could type): the
 * house number then the street, in the script of the session (Arabic for an Arabic session,
 * Latin otherwise, as the keyboard of that field would have typed it).
 */
export function addressOf(street: OfficeStreet, houseNumber: string, locale: Locale): string {
  const name = locale === 'ar' ? street.ar : street.latin;
  const number = houseNumber.trim();
  return number ? `${number} ${name}` : name;
}

/**
 * A street list as an operator writes it: one street a line, `Latin name;Arabic name`, blank
 * lines and lines starting with `#` ignored. Returns the streets or the first line at fault. Two
 * Latin names that differ only by case, accents or punctuation are one street twice: they would
 * share one spoken name (streetPromptKey), so the list is refused.
 */
export function parseStreetList(text: string): { ok: true; streets: OfficeStreets } | { ok: false; line: number; reason: string } {
  const streets: OfficeStreet[] = [];
  const lineOfKey = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(';');
    if (parts.length !== 2) return { ok: false, line: index + 1, reason: 'expected "Latin name;Arabic name"' };
    const parsed = officeStreetSchema.safeParse({ latin: parts[0]!.trim(), ar: parts[1]!.trim() });
    if (!parsed.success) return { ok: false, line: index + 1, reason: parsed.error.issues[0]?.message ?? 'invalid name' };
    const key = streetPromptKey(parsed.data.latin);
    const earlier = lineOfKey.get(key);
    if (earlier !== undefined) return { ok: false, line: index + 1, reason: `the same Latin name as line ${earlier}` };
    lineOfKey.set(key, index + 1);
    streets.push(parsed.data);
  }
  if (streets.length > OFFICE_STREETS_MAX) return { ok: false, line: lines.length, reason: `at most ${OFFICE_STREETS_MAX} streets` };
  return { ok: true, streets };
}

const LEADING_HOUSE_NUMBER = new RegExp(`^([\\p{Nd}][\\p{Nd}A-Za-z/-]{0,${HOUSE_NUMBER_MAX_LENGTH - 1}})\\s+`, 'u');

/**
 * What a typed address says before the street: `12 at` is house number `12` and the start of a
 * street name `at`; `atlas` has no number. The kiosk searches the street list with `street`.
 */
export function splitTypedAddress(typed: string): { houseNumber: string; street: string } {
  const trimmed = typed.trimStart();
  const match = LEADING_HOUSE_NUMBER.exec(trimmed);
  return match ? { houseNumber: match[1]!, street: trimmed.slice(match[0].length) } : { houseNumber: '', street: trimmed };
}

/**
 * The street of the list an address names exactly as `addressOf` wrote it (`12 Rue Atlas`, or
 * the name alone), with its house number; null for any other text (typed freely, or changed).
 */
export function streetOfAddress(address: string, streets: readonly OfficeStreet[], locale: Locale): { street: OfficeStreet; houseNumber: string } | null {
  const { houseNumber, street: rest } = splitTypedAddress(address);
  const named = (name: string) => streets.find((street) => (locale === 'ar' ? street.ar : street.latin) === name);
  // `12 Rue Atlas` first; then the whole text, for a street whose name starts with a number.
  const withNumber = rest !== address.trimStart() ? named(rest) : undefined;
  if (withNumber) return { street: withNumber, houseNumber };
  const alone = named(address);
  return alone ? { street: alone, houseNumber: '' } : null;
}
