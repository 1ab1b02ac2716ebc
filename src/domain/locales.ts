import { z } from 'zod';
import { LOCALES } from './localeCodes';

export { DEFAULT_LOCALE, LOCALES, directionOf, type Locale } from './localeCodes';
export const localeSchema = z.enum(LOCALES);

/** A text given in every kiosk language: catalogue data carries its own translations. */
export const localizedTextSchema = z.strictObject({
  ar: z.string().min(1),
  zgh: z.string().min(1),
  fr: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
