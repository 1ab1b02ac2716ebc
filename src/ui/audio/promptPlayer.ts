import manifestJson from '../../../assets/audio/manifest.json';
import { audioManifestSchema, isStreetPromptId, NO_RECORDINGS, resolvePrompt, type PromptId, type RecordedPrompts } from '../../domain/audioPrompts';
import type { Locale } from '../../domain/locales';
import { STREET_FALLBACK_PROMPT } from '../../domain/streetPrompts';

/**
 * The part of spoken guidance that is loaded only once a citizen turns it on: the manifest and
 * the URLs of the shipped recordings (files of the same local build, never fetched from
 * elsewhere). It can only say prompts of the manifest and the office's recordings of its streets'
 * names, by id: nothing the citizen typed is ever spoken.
 */
const files = import.meta.glob<string>('../../../assets/audio/*/*.ogg', { eager: true, query: '?url', import: 'default' });
const urlsByPath: ReadonlyMap<string, string> = new Map(
  Object.entries(files).map(([file, url]) => [file.slice(file.indexOf('assets/audio/') + 'assets/audio/'.length), url]),
);
const manifest = audioManifestSchema.parse(manifestJson);
const promptsById = new Map(manifest.prompts.map((prompt) => [prompt.id, prompt]));

export type PromptState = 'loading' | 'playing' | 'ended' | 'failed' | 'silent' | 'stopped';

/**
 * Plays a prompt on the page's one <audio> element, replacing whatever was playing. The element
 * carries what it plays (`data-prompt`, `data-prompt-language`, `data-prompt-origin`,
 * `data-state`): the supervisor's diagnostics and the end-to-end tests read them.
 */
export function playPrompt(audio: HTMLAudioElement, id: PromptId, locale: Locale, recorded: RecordedPrompts = NO_RECORDINGS): PromptState {
  // A street's name is the office's data: only its recordings say it; without one, the choice
  // says what it is ("a street of the annex…"), so a second touch still picks it knowingly.
  const prompt = promptsById.get(id) ?? (isStreetPromptId(id) ? { id } : undefined);
  const source = prompt ? resolvePrompt(prompt, locale, {
        recorded: (promptId, language) => recorded.url(promptId, language),
        shipped: (path) => urlsByPath.get(path) ?? null,
        synthesisedTake: (promptId, language) => recorded.synthesised?.(promptId, language) ?? false,
      }) : null;
  if (!source && isStreetPromptId(id)) return playPrompt(audio, STREET_FALLBACK_PROMPT, locale, recorded);
  audio.pause();
  audio.dataset.prompt = id;
  if (!source) {
    audio.removeAttribute('src');
    delete audio.dataset.promptLanguage;
    delete audio.dataset.promptOrigin;
    audio.dataset.state = 'silent';
    return 'silent';
  }
  audio.dataset.promptLanguage = source.language;
  audio.dataset.promptOrigin = source.origin;
  audio.dataset.state = 'loading';
  audio.src = source.url;
  audio.play().catch((error: unknown) => {
    // Replaced by the next prompt before it started: not a failure.
    if (audio.dataset.prompt === id && (error as { name?: string }).name !== 'AbortError') audio.dataset.state = 'failed';
  });
  return 'loading';
}

export function stopPrompt(audio: HTMLAudioElement): void {
  audio.pause();
  audio.removeAttribute('src');
  audio.dataset.state = 'stopped';
}
