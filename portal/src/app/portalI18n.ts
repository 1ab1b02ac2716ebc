import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../../src/domain/localeCodes';
import { i18nOptions } from '../../../src/i18n/i18nOptions';
import { FIRST_SCREEN_NAMESPACES, LATER_NAMESPACES, firstScreenResources, fullPortalTexts, laterTextsBackend } from './portalTexts';

/**
 * The kiosk's i18next options, with the namespaces the portal's screens use: its own (`portal`)
 * and the citizen texts it shares with the kiosk (identity labels, validation messages, consent
 * notice, statuses, refusal reasons). Resolves as soon as the first screen's texts are there
 * (they are in the start-up script: no request); the rest comes with `loadLaterTexts`.
 */
export async function loadPortalI18n(locale: Locale): Promise<i18n> {
  const instance = createInstance();
  await instance
    .use(laterTextsBackend)
    .use(initReactI18next)
    .init({
      ...i18nOptions(locale),
      ns: [...FIRST_SCREEN_NAMESPACES],
      defaultNS: 'portal',
      resources: firstScreenResources(),
      // The bundled namespaces are complete; the others are read through the backend.
      partialBundledLanguages: true,
    });
  return instance;
}

/**
 * The namespaces of every screen after the first one, in the current language and the French
 * fallback; a later language change loads them for the new language too (i18next keeps them in its `ns`).
 */
export async function loadLaterTexts(instance: i18n): Promise<void> {
  await Promise.all([instance.loadNamespaces([...LATER_NAMESPACES]), completePortalTexts(instance, instance.languages)]);
}

/**
 * Adds the rest of the `portal` namespace (the start-up script has the first screen's keys only)
 * for these languages; call it before switching to a language so no screen shows a missing key.
 */
export async function completePortalTexts(instance: i18n, languages: readonly string[]): Promise<void> {
  await Promise.all(
    languages.map(async (language) => {
      const bundle = await fullPortalTexts(language);
      if (bundle) instance.addResourceBundle(language, 'portal', bundle, true, true);
    }),
  );
}

/** Switches language once the new language's texts are all there (the later namespaces load with the switch). */
export async function switchLanguage(instance: i18n, language: string): Promise<void> {
  await completePortalTexts(instance, [language]);
  await instance.changeLanguage(language);
}

const LOCALE_KEY = 'shubbak-portal-locale';

/** The language chosen on this phone, or null on a first visit (the language screen comes first). */
export function storedLocale(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): Locale | null {
  const value = storage?.getItem(LOCALE_KEY);
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
}

export function rememberLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  storage?.setItem(LOCALE_KEY, locale);
}

/** The phone's own language when the portal speaks it, French otherwise (the administration's working language). */
export function browserLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0] ?? '';
    if (base === 'tzm' || base === 'ber' || base === 'shi') return 'zgh';
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'fr';
}
