import { LOCALES, type Locale } from '../../domain/locales';
import { intlLocale } from '../../i18n/format';

export function asLocale(language: string): Locale {
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'fr';
}

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

/** "3 h", "12 min": the largest whole unit, for ages and waiting times. */
export function formatDuration(ms: number, language: string): string {
  const [unit, size] = UNITS.find(([, unitMs]) => ms >= unitMs) ?? UNITS[UNITS.length - 1]!;
  return new Intl.NumberFormat(intlLocale(asLocale(language)), { style: 'unit', unit, unitDisplay: 'short' }).format(Math.floor(ms / size));
}

export function formatTimestamp(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(asLocale(language)), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(epochMs));
}
