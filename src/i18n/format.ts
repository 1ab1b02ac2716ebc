import type { Locale, LocalizedText } from '../domain/locales';

/**
 * Formatting through Intl only. ar-MA writes Western digits and Moroccan month names, as
 * Moroccan administrative documents do.
 */
const INTL_LOCALES: Record<Locale, string> = { ar: 'ar-MA', zgh: 'zgh', fr: 'fr-MA', en: 'en' };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

export function formatDirhams(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'MAD', maximumFractionDigits: 2 }).format(amount);
}

export function formatDate(isoDateOrDateTime: string, locale: Locale): string {
  // A plain date (YYYY-MM-DD) is a calendar day, not an instant: format it in UTC so it never shifts.
  const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrDateTime);
  const date = new Date(plainDate ? `${isoDateOrDateTime}T00:00:00Z` : isoDateOrDateTime);
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', ...(plainDate ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** Catalogue data carries its own translations. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
