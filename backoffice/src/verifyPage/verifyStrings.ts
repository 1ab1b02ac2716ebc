import i18next, { type TFunction } from 'i18next';
import arCommon from '../../../locales/ar/common.json';
import arVerify from '../../../locales/ar/verify.json';
import enCommon from '../../../locales/en/common.json';
import enVerify from '../../../locales/en/verify.json';
import frCommon from '../../../locales/fr/common.json';
import frVerify from '../../../locales/fr/verify.json';
import zghCommon from '../../../locales/zgh/common.json';
import zghVerify from '../../../locales/zgh/verify.json';
import { directionOf, LOCALES, type Locale } from '../../../src/domain/locales';

/**
 * The verification page's words, through i18next from `locales/<lng>/verify.json` like every
 * other screen's, resolved on the server: the page itself is a small static document.
 */
const instance = i18next.createInstance();
void instance.init({
  resources: {
    ar: { verify: arVerify, common: arCommon },
    fr: { verify: frVerify, common: frCommon },
    en: { verify: enVerify, common: enCommon },
    zgh: { verify: zghVerify, common: zghCommon },
  },
  fallbackLng: 'fr',
  defaultNS: 'verify',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The languages the page offers; Arabic first, as on the certificate. */
export const VERIFY_LANGUAGES: readonly Locale[] = ['ar', 'fr', 'en', 'zgh'];

/** Every string the page's script shows, by key. */
const CLIENT_KEYS = [
  'checking',
  'cameraUnavailable',
  'scan',
  'stopScan',
  'outcome.valid',
  'outcome.validSignatureOnly',
  'outcome.revoked',
  'outcome.forged',
  'forgedReason.malformed',
  'forgedReason.unknownKey',
  'forgedReason.badSignature',
  'forgedReason.notIssued',
  'compare',
  'details.number',
  'details.service',
  'details.holder',
  'details.holderArabic',
  'details.cin',
  'details.office',
  'details.issuedOn',
  'details.revokedAt',
  'offline',
] as const;
export type VerifyClientKey = (typeof CLIENT_KEYS)[number];

export interface VerifyPageStrings {
  lang: Locale;
  dir: 'rtl' | 'ltr';
  t: TFunction<'verify'>;
  languageName(language: Locale): string;
  client: Record<VerifyClientKey, string>;
}

/** The language asked for in `?lang=`, else the browser's first known one, else French. */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined): Locale {
  const known = (value: string | undefined): Locale | undefined => LOCALES.find((locale) => locale === value?.trim().slice(0, 3).replace(/[-_;].*$/, ''));
  return known(query) ?? (acceptLanguage ?? '').split(',').map(known).find((locale) => locale !== undefined) ?? 'fr';
}

export function verifyPageStrings(lang: Locale): VerifyPageStrings {
  const t = instance.getFixedT(lang, 'verify');
  const common = instance.getFixedT(lang, 'common');
  return {
    lang,
    dir: directionOf(lang),
    t,
    languageName: (language) => common(`languages.${language}`, { lng: language }),
    client: Object.fromEntries(CLIENT_KEYS.map((key): [VerifyClientKey, string] => [key, t(key)])) as Record<VerifyClientKey, string>,
  };
}
