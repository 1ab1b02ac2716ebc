import { z } from 'zod';

/** The languages the kiosk speaks. `zgh` is Standard Moroccan Amazigh in Tifinagh script. */
export const LOCALES = ['ar', 'zgh', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

/** Arabic is the only right-to-left language; Tifinagh is written left to right. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** A text given in every kiosk language: catalogue data carries its own translations. */
export const localizedTextSchema = z.strictObject({
  ar: z.string().min(1),
  zgh: z.string().min(1),
  fr: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
