import { STREET_PROMPT_KEY_MAX_LENGTH, STREET_PROMPT_PREFIX, type AudioPrompt, type PromptId } from './audioPrompts';
import type { OfficeStreet } from './officeStreets';

/**
 * The office's streets as prompts, so that a citizen who cannot read can explore the street list
 * by ear (issue 13): each street has the prompt id `street.<key>`, staff record its name on the
 * voice prompts page like any prompt, and the recordings travel with the office's others. A
 * street name is office data, public on its signs: never anything a citizen typed.
 */

/** What a street choice says while the office has no recording of that street's name. */
export const STREET_FALLBACK_PROMPT: PromptId = 'choice.street';

/** FNV-1a, 32 bits, as 7 lower-case letters: a short, stable tail for keys the length bound cuts. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let letters = '';
  for (let index = 0; index < 7; index += 1) {
    letters += String.fromCharCode(97 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return letters;
}

/** A digit as a capital (0 → A … 9 → J): the key has no digit, so kiosks of earlier versions accept it. */
const digitAsCapital = (digit: string) => String.fromCharCode(65 + Number(digit));

/**
 * The key of a street's prompt, from its Latin name: accents dropped, lower case, every run of
 * other characters one `_`, digits written as capitals A to J ("Rue Ibn Battouta" →
 * `rue_ibn_battouta`, "Avenue 2 Mars" → `avenue_C_mars`). Stable while the Latin name stays the
 * same, whatever the list's order. A name longer than the bound keeps its start and a hash of the
 * whole name; a name that does not start with a Latin letter gets `s` before it; a name with no
 * Latin letter or digit is `s` and its hash.
 */
export function streetPromptKey(latinName: string): string {
  const folded = latinName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/[0-9]/g, digitAsCapital);
  // The hash only where it is needed: the back office derives every key of the list per upload.
  if (!folded) return `s${shortHash(latinName.normalize('NFC'))}`;
  const key = /^[a-z]/.test(folded) ? folded : `s${folded}`;
  if (key.length <= STREET_PROMPT_KEY_MAX_LENGTH) return key;
  const hash = shortHash(latinName.normalize('NFC'));
  const kept = key.slice(0, STREET_PROMPT_KEY_MAX_LENGTH - hash.length - 1).replace(/_+$/, '');
  return `${kept}_${hash}`;
}

export function streetPromptId(street: Pick<OfficeStreet, 'latin'>): PromptId {
  return `${STREET_PROMPT_PREFIX}${streetPromptKey(street.latin)}`;
}

/**
 * A street as a prompt to record: what staff say is the name on the sign in the language's
 * script (Arabic for ar and zgh, Latin for fr and en). No shipped file: an office's recording,
 * or the fallback prompt.
 */
export function streetPrompt(street: OfficeStreet): AudioPrompt {
  return { id: streetPromptId(street), text: { ar: street.ar, zgh: street.ar, fr: street.latin, en: street.latin } };
}

/** The office's streets as prompts, in the list's order, one per id (two spellings of one Latin name share it). */
export function streetPrompts(streets: readonly OfficeStreet[]): AudioPrompt[] {
  const seen = new Set<string>();
  const prompts: AudioPrompt[] = [];
  for (const street of streets) {
    const prompt = streetPrompt(street);
    if (seen.has(prompt.id)) continue;
    seen.add(prompt.id);
    prompts.push(prompt);
  }
  return prompts;
}

/** Whether `promptId` names one of these streets: the back office accepts a street's recording only then. */
export function isPromptOfStreets(promptId: string, streets: readonly OfficeStreet[]): boolean {
  return streets.some((street) => streetPromptId(street) === promptId);
}
