import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../domain/locales';
import { i18nOptions } from './i18nOptions';
import { bundledNamespaces, bundledResources } from './resources';

/**
 * An i18next instance with every language bundled, so initialisation is synchronous (tests, the
 * start-up failure message). The kiosk itself starts with `loadKioskI18n`, which loads
 * languages on demand.
 */
export function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    ...i18nOptions(locale),
    resources: bundledResources(),
    ns: bundledNamespaces(),
    initAsync: false,
  });
  return instance;
}
