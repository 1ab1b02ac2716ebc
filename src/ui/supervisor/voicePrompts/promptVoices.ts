import manifestJson from '../../../../assets/audio/manifest.json';
import { audioManifestSchema, isStreetPromptId, type AudioPrompt } from '../../../domain/audioPrompts';
import type { Locale } from '../../../domain/locales';
import type { OfficeRecordingRow } from '../../../supervisor/voicePrompts';

/** Every prompt the kiosk can say, in the manifest's order: what staff can record. */
export const RECORDABLE_PROMPTS: readonly AudioPrompt[] = audioManifestSchema.parse(manifestJson).prompts;

/**
 * Which voice a session in that language hears for a prompt, as the player chooses it (recorded
 * first). `synthesised`: the shipped file, or for a street the back office's synthesis of its
 * name (staff should record a better one). `streetFallback`: a street's name not recorded, for which the kiosks say "a street of
 * the annex" (choice.street).
 */
export type PromptVoice = 'recorded' | 'waiting' | 'synthesised' | 'streetFallback' | 'none';

export function voiceOf(prompt: AudioPrompt, language: Locale, recordings: readonly OfficeRecordingRow[]): PromptVoice {
  const recording = recordings.find((candidate) => candidate.promptId === prompt.id && candidate.language === language);
  if (recording) return recording.waitingToUpload ? 'waiting' : recording.synthesised ? 'synthesised' : 'recorded';
  if (prompt.files?.[language]) return 'synthesised';
  return isStreetPromptId(prompt.id) ? 'streetFallback' : 'none';
}

/** The script a prompt's text is written in for staff: a street's name in Tifinagh sessions is its Arabic sign. */
export function textLanguageOf(prompt: Pick<AudioPrompt, 'id'>, language: Locale): Locale {
  return language === 'zgh' && isStreetPromptId(prompt.id) ? 'ar' : language;
}
