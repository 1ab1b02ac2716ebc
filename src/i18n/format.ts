import type { Locale, LocalizedText } from '../domain/locales';

/**
 * Formatting through Intl only. ar-MA writes Western digits and Moroccan month names, as
 * Moroccan administrative documents do.
 */
const INTL_LOCALES: Record<Locale, string> = { ar: 'ar-MA', zgh: 'zgh', fr: 'fr-MA', en: 'en' };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

/**
 * Intl's formatters are costly to build (a few milliseconds each on a cheap tablet, inside the
 * tap that shows the review) and cheap to reuse: one per locale and options, kept for the page's
 * life. The kiosk's time zone is read when a formatter is built, and does not change while it runs.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = build();
    formatters.set(key, found);
  }
  return found;
}

export function formatDirhams(amount: number, locale: Locale): string {
  return formatter(`dirhams:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'MAD', maximumFractionDigits: 2 })).format(amount);
}

/**
 * The Amazigh months in Tifinagh (CLDR `zgh`, as IRCAM writes them). Written out here because a
 * browser's ICU may not carry `zgh` and would fall back to English month names.
 */
export const TIFINAGH_MONTHS = ['ⵉⵏⵏⴰⵢⵔ', 'ⴱⵕⴰⵢⵕ', 'ⵎⴰⵕⵚ', 'ⵉⴱⵔⵉⵔ', 'ⵎⴰⵢⵢⵓ', 'ⵢⵓⵏⵢⵓ', 'ⵢⵓⵍⵢⵓⵣ', 'ⵖⵓⵛⵜ', 'ⵛⵓⵜⴰⵏⴱⵉⵔ', 'ⴽⵜⵓⴱⵔ', 'ⵏⵓⵡⴰⵏⴱⵉⵔ', 'ⴷⵓⵊⴰⵏⴱⵉⵔ'] as const;

export function formatDate(isoDateOrDateTime: string, locale: Locale): string {
  // A plain date (YYYY-MM-DD) is a calendar day, not an instant: format it in UTC so it never shifts.
  const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrDateTime);
  const date = new Date(plainDate ? `${isoDateOrDateTime}T00:00:00Z` : isoDateOrDateTime);
  const timeZone = plainDate ? { timeZone: 'UTC' } : {};
  if (locale === 'zgh') {
    // Day, month and year numbers from Intl (the kiosk's time zone), the month's name from the table: "12 ⵉⴱⵔⵉⵔ 1990".
    const parts = formatter(`dayNumbers:${plainDate}`, () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'numeric', day: 'numeric', ...timeZone })).formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((each) => each.type === type)?.value);
    return `${part('day')} ${TIFINAGH_MONTHS[part('month') - 1]} ${part('year')}`;
  }
  return formatter(`date:${locale}:${plainDate}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', ...timeZone })).format(date);
}

/** Catalogue data carries its own translations. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
