import type { Locale } from '../../../src/domain/locales';
import type { OpeningHours } from '../../../src/domain/officeIdentity';
import type { PortalOffice } from '../../../src/domain/portal/offices';
import { intlLocale } from '../../../src/i18n/format';

export function officeName(office: PortalOffice | null | undefined, locale: Locale): string {
  return office ? office.names[locale] : '';
}

/** The weekdays in Tifinagh (IRCAM), ISO order from Monday: a browser's ICU may not carry `zgh`. */
export const TIFINAGH_WEEKDAYS = ['ⴰⵢⵏⴰⵙ', 'ⴰⵙⵉⵏⴰⵙ', 'ⴰⴽⵕⴰⵙ', 'ⴰⴽⵡⴰⵙ', 'ⴰⵙⵉⵎⵡⴰⵙ', 'ⴰⵙⵉⴹⵢⴰⵙ', 'ⴰⵙⴰⵎⴰⵙ'] as const;

/** The name of ISO weekday `day` (1 = Monday) in `locale`. */
export function weekdayName(day: number, locale: Locale): string {
  if (locale === 'zgh') return TIFINAGH_WEEKDAYS[day - 1] ?? '';
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

/** Days as runs of consecutive days: [1,2,3,4,5,6] → "Monday – Saturday"; [1,3] → "Monday, Wednesday". */
function daysText(days: readonly number[], locale: Locale): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  const separator = locale === 'ar' ? '، ' : ', ';
  return runs.map(([from, to]) => (from === to ? weekdayName(from, locale) : `${weekdayName(from, locale)} – ${weekdayName(to, locale)}`)).join(separator);
}

/** One line per span of the opening hours ("Monday – Friday: 08:30–16:30"); empty when not said. */
export function openingHoursLines(hours: OpeningHours, locale: Locale): string[] {
  return hours.map((span) => `${daysText(span.days, locale)}: ${span.opens}–${span.closes}`);
}
