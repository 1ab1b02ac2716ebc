import type { InitOptions } from 'i18next';
import { LOCALES, type Locale } from '../domain/localeCodes';

/** What every i18next instance of the kiosk shares, whether its resources are bundled or loaded. */
export function i18nOptions(locale: Locale): InitOptions {
  return {
    lng: locale,
    // A key missing in one language shows the French text, the administration's working language, rather than a raw key.
    fallbackLng: 'fr',
    supportedLngs: [...LOCALES],
    defaultNS: 'citizen',
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}
