/**
 * The languages and their direction, with no schema: what a page needs to draw a language choice
 * before any of the validation code is loaded (the portal's first screen). `locales.ts` re-exports
 * these beside the schemas; import from there unless the importer must stay free of zod.
 */

/** The languages the kiosk speaks. `zgh` is Standard Moroccan Amazigh in Tifinagh script. */
export const LOCALES = ['ar', 'zgh', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The screens' language until a supervisor chooses another (`DEFAULT_SETTINGS.defaultLocale`). */
export const DEFAULT_LOCALE: Locale = 'ar';

/** Arabic is the only right-to-left language; Tifinagh is written left to right. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
