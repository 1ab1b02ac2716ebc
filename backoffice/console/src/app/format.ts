import { intlLocale } from '../../../../src/i18n/format';
import type { ConsoleLocale } from '../i18n/consoleI18n';

/** Date and time as the office reads them (ar-MA keeps Western digits). */
export function formatDateTime(iso: string, locale: ConsoleLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDay(day: string, locale: ConsoleLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function formatNumber(value: number, locale: ConsoleLocale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

/** A duration in the largest unit that keeps it readable ("3 h", "2 d"). */
export function formatDuration(seconds: number, locale: ConsoleLocale): string {
  const [value, unit] =
    seconds >= 86_400 ? [seconds / 86_400, 'day'] : seconds >= 3_600 ? [seconds / 3_600, 'hour'] : seconds >= 60 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** Free storage as a kiosk reports it, in the unit that keeps it short. */
export function formatBytes(bytes: number, locale: ConsoleLocale): string {
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'gigabyte'] : bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
