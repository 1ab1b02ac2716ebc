import { z } from 'zod';
import { localeSchema, localizedTextSchema, type Locale } from './locales';

/**
 * Spoken guidance as data: assets/audio/manifest.json lists every prompt the kiosk can say, its
 * text in each language (what a recording must say, shown to staff who record it) and, per
 * language, the file that says it. `npm run audio:build` synthesises the files it can and fills
 * `files`; staff recordings pulled from the back office win over them at run time.
 *
 * Prompts carry no personal data by construction: they are fixed texts, never built from what
 * the citizen typed.
 */

/**
 * The prompts of the manifest (`area.name`, fixed at build time) and the names of the office's
 * streets (`street.<key>`, office data: src/domain/streetPrompts.ts). Bounded, so that nothing a
 * device sends as an id is more than a short key.
 */
export const PROMPT_ID_MAX_LENGTH = 64;
export const STREET_PROMPT_PREFIX = 'street.';
/** What follows `street.`: the street's Latin name folded to `a-z`, `_` and digits as capitals (streetPromptKey). */
export const STREET_PROMPT_KEY_MAX_LENGTH = 48;
const manifestPromptIdPattern = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z_]*$/;
/**
 * A street's key stays inside the manifest ids' pattern (no digit, a lower-case start): kiosks of
 * earlier versions check every id of the office's recording list with that pattern, and one id
 * outside it would make them refuse the whole list.
 */
export const streetPromptIdPattern = new RegExp(`^street\\.[a-z][a-zA-Z_]{0,${STREET_PROMPT_KEY_MAX_LENGTH - 1}}$`);

export const promptIdSchema = z
  .string()
  .max(PROMPT_ID_MAX_LENGTH)
  .refine((id) => (id.startsWith(STREET_PROMPT_PREFIX) ? streetPromptIdPattern : manifestPromptIdPattern).test(id), { message: 'not a prompt id' });
export type PromptId = z.infer<typeof promptIdSchema>;

/** A street's name, said from the office's recordings (its streets are not in the manifest). */
export function isStreetPromptId(id: string): boolean {
  return id.startsWith(STREET_PROMPT_PREFIX) && streetPromptIdPattern.test(id);
}

export const promptFileSchema = z.strictObject({
  /** Relative to assets/audio: `<lng>/<prompt id>.ogg`. */
  path: z.string().regex(/^(ar|zgh|fr|en)\/[a-zA-Z_.]+\.ogg$/),
  /** Which synthesiser and voice made it, for the report and for staff. */
  voice: z.string().min(1),
  /** Hash of what was synthesised (voice and text): a changed text is synthesised again. */
  sourceHash: z.string().regex(/^[0-9a-f]{16}$/),
});
export type PromptFile = z.infer<typeof promptFileSchema>;

export const audioPromptSchema = z.strictObject({
  id: promptIdSchema,
  text: localizedTextSchema,
  /** A language's own name is always said in that language, whatever the session's language. */
  spokenIn: localeSchema.optional(),
  /** What to feed a synthesiser when the language has no voice of its own (a transliteration for another voice). */
  speakAs: z.partialRecord(localeSchema, z.strictObject({ voice: localeSchema, text: z.string().min(1) })).optional(),
  files: z.partialRecord(localeSchema, promptFileSchema).optional(),
});
export type AudioPrompt = z.infer<typeof audioPromptSchema>;

export const audioManifestSchema = z
  .strictObject({ version: z.literal(1), prompts: z.array(audioPromptSchema) })
  .refine((manifest) => new Set(manifest.prompts.map((prompt) => prompt.id)).size === manifest.prompts.length, { message: 'prompt ids must be unique' })
  .refine((manifest) => !manifest.prompts.some((prompt) => prompt.id.startsWith(STREET_PROMPT_PREFIX)), { message: 'street.* ids are the office\'s streets' });
export type AudioManifest = z.infer<typeof audioManifestSchema>;

/**
 * Which language's recording a session hears. Amazigh has no offline synthetic voice, so until
 * an office records its own Amazigh prompts a session in Tifinagh hears Arabic, which most
 * Amazigh speakers in Morocco also understand: silence helps nobody.
 */
export const PROMPT_FALLBACK: Readonly<Record<Locale, readonly Locale[]>> = {
  ar: ['ar'],
  zgh: ['zgh', 'ar'],
  fr: ['fr'],
  en: ['en'],
};

/**
 * A street's name has two forms, the Arabic sign and the Latin one (French words: "Rue",
 * "Avenue"). A French or English session hears the Latin name in whichever of the two an office
 * recorded; Amazigh hears the Arabic name, as above.
 */
export const STREET_PROMPT_FALLBACK: Readonly<Record<Locale, readonly Locale[]>> = {
  ar: ['ar'],
  zgh: ['zgh', 'ar'],
  fr: ['fr', 'en'],
  en: ['en', 'fr'],
};

/** The language a prompt is heard in for a session in `locale`: the prompt's own (language names), else the session's chain. */
export function promptLanguages(prompt: Pick<AudioPrompt, 'id' | 'spokenIn'>, locale: Locale): readonly Locale[] {
  if (prompt.spokenIn) return [prompt.spokenIn];
  return isStreetPromptId(prompt.id) ? STREET_PROMPT_FALLBACK[locale] : PROMPT_FALLBACK[locale];
}

/** The office's own recordings (pulled from the back office), which win over synthesised files. */
export interface RecordedPrompts {
  /** A playable URL of the office's recording of this prompt in this language, or null. */
  url(id: PromptId, language: Locale): string | null;
  /** Whether that recording is the back office's synthesis of a street's name rather than a staff take. */
  synthesised?(id: PromptId, language: Locale): boolean;
}

export const NO_RECORDINGS: RecordedPrompts = { url: () => null };

/**
 * Where a prompt's sound comes from, best first: a recording made by the office's staff, then a
 * synthesised file shipped with the build, then (a street's name) the back office's synthesised
 * take: a staff take in any language of the chain wins over it (a French session hears the
 * English staff take of a street before the synthesised French one). `recorded` answers a
 * playable URL or null; `synthesisedTake` says whether that recording is the back office's.
 */
export function resolvePrompt(
  prompt: Pick<AudioPrompt, 'id' | 'spokenIn' | 'files'>,
  locale: Locale,
  sources: {
    recorded(id: PromptId, language: Locale): string | null;
    shipped(path: string): string | null;
    synthesisedTake?(id: PromptId, language: Locale): boolean;
  },
): { url: string; language: Locale; origin: 'recorded' | 'synthesised' } | null {
  const languages = promptLanguages(prompt, locale);
  const isSynthesisedTake = (language: Locale) => sources.synthesisedTake?.(prompt.id, language) ?? false;
  for (const language of languages) {
    const recorded = sources.recorded(prompt.id, language);
    if (recorded && !isSynthesisedTake(language)) return { url: recorded, language, origin: 'recorded' };
    const file = prompt.files?.[language];
    const shipped = file ? sources.shipped(file.path) : null;
    if (shipped) return { url: shipped, language, origin: 'synthesised' };
  }
  for (const language of languages) {
    const recorded = isSynthesisedTake(language) ? sources.recorded(prompt.id, language) : null;
    if (recorded) return { url: recorded, language, origin: 'synthesised' };
  }
  return null;
}

