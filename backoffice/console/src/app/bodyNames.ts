import type { ConsoleLocale } from '../i18n/consoleI18n';

/** A body's name in the console's language: the directory holds it in Arabic and French only, so English reads the French. */
export function bodyName(body: { nameAr: string; nameFr: string }, locale: ConsoleLocale): string {
  return locale === 'ar' ? body.nameAr : body.nameFr;
}
