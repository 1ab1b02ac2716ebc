import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../domain/locales';
import { bundledNamespaces, bundledResources } from './resources';

/**
 * One i18next instance per app (and per test): resources are bundled, so initialisation is
 * synchronous and the first paint is already translated.
 */
export function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    // A key missing in one language shows the French text, the administration's working language, rather than a raw key.
    fallbackLng: 'fr',
    supportedLngs: [...LOCALES],
    resources: bundledResources(),
    ns: bundledNamespaces(),
    defaultNS: 'citizen',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
