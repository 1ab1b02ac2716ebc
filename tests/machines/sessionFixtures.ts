import type { Catalogue } from '../../src/domain/catalogue';
import type { LocalizedText } from '../../src/domain/locales';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { SessionSettings } from '../../src/machines/session/types';

/** A small catalogue for the citizen-flow tests: one service without fields of its own, one with. */

function text(en: string, fr: string, ar: string, zgh: string): LocalizedText {
  return { en, fr, ar, zgh };
}

export const testCatalogue: Catalogue = {
  version: 3,
  services: [
    {
      id: 'life',
      name: text('Life certificate', 'Attestation de vie', 'شهادة الحياة', 'ⵜⴰⵣⵎⴰⵎⵜ ⵏ ⵜⵓⴷⵔⵜ'),
      description: text('Proves that you are alive.', 'Prouve que vous êtes en vie.', 'تثبت أنك على قيد الحياة.', 'ⵜⵙⵙⴽⴰⵏ ⵉⵙ ⵜⴷⴷⵔⵜ.'),
      pictogram: 'life',
      fields: [],
      documents: [text('National identity card', "Carte nationale d'identité", 'البطاقة الوطنية للتعريف', 'ⵜⴰⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ')],
      fee: { amountMad: null, confirmed: false },
      delay: text('Same day', 'Le jour même', 'في نفس اليوم', 'ⴳ ⵡⴰⵙⵙ ⴰⴷ'),
      returnToCounter: false,
      handledBy: 'annex-1',
      active: true,
    },
    {
      id: 'birth_extract',
      name: text('Birth extract', "Extrait d'acte de naissance", 'النسخة الموجزة من رسم الولادة', 'ⴰⵙⵖⵉⵙ ⵏ ⵜⵍⴰⵍⵉⵜ'),
      description: text('A summary of your birth act.', 'Un résumé de votre acte de naissance.', 'ملخص رسم ولادتك.', 'ⴰⵙⵖⵉⵙ ⵏ ⵜⵍⴰⵍⵉⵜ ⵏⵏⴽ.'),
      pictogram: 'no-such-pictogram',
      fields: [
        { key: 'birthCommune', kind: 'text', label: text('Commune of birth', 'Commune de naissance', 'جماعة الولادة', 'ⵜⴰⵎⵙⵙⵓⵔⵜ ⵏ ⵜⵍⴰⵍⵉⵜ'), required: true },
        { key: 'actNumber', kind: 'digits', label: text('Act number', "Numéro d'acte", 'رقم الرسم', 'ⵓⵟⵟⵓⵏ ⵏ ⵓⵙⵖⵉⵙ'), required: true, maxLength: 10 },
        { key: 'actYear', kind: 'year', label: text('Year of the act', "Année de l'acte", 'سنة الرسم', 'ⴰⵙⴳⴳⵯⴰⵙ ⵏ ⵓⵙⵖⵉⵙ'), required: false },
      ],
      documents: [],
      fee: { amountMad: 2, confirmed: true },
      delay: text('A few days', 'Quelques jours', 'بضعة أيام', 'ⴽⵔⴰ ⵏ ⵡⵓⵙⵙⴰⵏ'),
      returnToCounter: true,
      handledBy: 'commune-of-birth',
      active: true,
    },
    {
      id: 'retired',
      name: text('Retired service', 'Service retiré', 'خدمة ملغاة', 'ⵜⴰⵏⴰⴼⵓⵜ ⵉⵜⵜⵓⴽⴽⵙⵏ'),
      description: text('No longer offered.', "N'est plus proposé.", 'لم تعد متوفرة.', 'ⵓⵔ ⵜⵍⵍⵉ.'),
      pictogram: 'retired',
      fields: [],
      documents: [],
      fee: { amountMad: 0, confirmed: true },
      delay: text('None', 'Aucun', 'لا شيء', 'ⵓⵍⴰ ⵢⴰⵏ'),
      returnToCounter: false,
      handledBy: 'annex-1',
      active: false,
    },
  ],
};

export const testSettings: SessionSettings = {
  idleTimeoutSeconds: DEFAULT_SETTINGS.idleTimeoutSeconds,
  idleCountdownSeconds: DEFAULT_SETTINGS.idleCountdownSeconds,
  defaultLocale: 'ar',
  enabledLocales: ['ar', 'zgh', 'fr', 'en'],
};

export const TODAY = '2026-11-28';

/** A citizen whose identity passes validation; the Latin name inside Arabic text is what bidi isolation protects. */
export const validIdentity = {
  cin: 'AB123456',
  lastNameLatin: 'El Amrani',
  firstNameLatin: 'Fatima',
  lastNameArabic: 'العمراني',
  firstNameArabic: 'فاطمة',
  dateOfBirth: '1990-04-12',
  phone: '0612345678',
} as const;
