import { createInstance, type i18n, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, type Locale } from '../../../../src/domain/locales';
import { i18nOptions } from '../../../../src/i18n/i18nOptions';
import ar from '../../../../locales/ar/console.json';
import en from '../../../../locales/en/console.json';
import fr from '../../../../locales/fr/console.json';

/**
 * The console's i18next instance: the kiosk's shared options (src/i18n/i18nOptions, French
 * fallback), the `console` namespace only. The console is offered in Arabic, French and English;
 * the three are bundled (a few KB each), so a language switch is immediate.
 */
export const CONSOLE_LOCALES = ['ar', 'fr', 'en'] as const satisfies readonly Locale[];
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];

const RESOURCES: Record<ConsoleLocale, ResourceLanguage> = { ar, fr, en };

export function isConsoleLocale(value: string | null | undefined): value is ConsoleLocale {
  return (CONSOLE_LOCALES as readonly string[]).includes(value ?? '');
}

export function createConsoleI18n(locale: ConsoleLocale): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    ...i18nOptions(locale),
    supportedLngs: [...CONSOLE_LOCALES],
    defaultNS: 'console',
    ns: ['console'],
    resources: Object.fromEntries(CONSOLE_LOCALES.map((lng) => [lng, { console: RESOURCES[lng] }])),
    initAsync: false,
  });
  return instance;
}

/** Sets `<html lang dir>` so the page, and assistive technology, follow the language. */
export function applyDocumentLanguage(document: Document, locale: ConsoleLocale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}
