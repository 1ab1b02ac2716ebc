import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../domain/locales';
import { i18nOptions } from './i18nOptions';
import { citizenNamespaces, loadLocaleBundle, localeBundleBackend } from './localeBundles';

/**
 * The kiosk's i18next instance, with languages loaded on demand. Resolves once `locale` (and
 * the French fallback) can be shown. A later `changeLanguage` switches only once the new
 * language is loaded: meanwhile the screen, and the citizen's input, stay as they are.
 */
export async function loadKioskI18n(locale: Locale): Promise<i18n> {
  const instance = createInstance();
  const ns = citizenNamespaces();
  await instance.use(localeBundleBackend).use(initReactI18next).init({
    ...i18nOptions(locale),
    ns,
    // The first screen waits for these reads: all at once (i18next's default is 10 at a time, i.e. a
    // second round trip for the French fallback) and from this call, not from a timer that runs
    // only once the main thread is free.
    maxParallelReads: 2 * ns.length,
    initAsync: false,
  });
  return instance;
}

/** Adds a namespace in the given languages (the supervisor's, when the overlay opens) before it is shown. */
export async function loadNamespace(instance: i18n, namespace: string, languages: readonly Locale[]): Promise<void> {
  await Promise.all(
    languages.map(async (language) => {
      if (!instance.hasResourceBundle(language, namespace)) instance.addResourceBundle(language, namespace, await loadLocaleBundle(language, namespace));
    }),
  );
}
