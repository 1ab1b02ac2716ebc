import type { Locale, LocalizedText } from '../../../src/domain/locales';

/** An office's text in the citizen's language, else in French, else in whichever language it was given. */
export function officeText(text: Partial<LocalizedText> | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.fr ?? Object.values(text).find((value) => typeof value === 'string' && value !== '') ?? '';
}
