import type { RecordedPrompts } from '../domain/audioPrompts';
import type { Locale } from '../domain/locales';
import { allRecordings, type PromptRecordingsDb } from '../storage/promptRecordings';

/**
 * The office's recordings as playable URLs (object URLs of the stored audio). Each call reads
 * the kiosk's copy afresh, so a recording pulled during the day is heard from the next session,
 * and releases the URLs of the previous call.
 */
export function createRecordedPromptsLoader(db: PromptRecordingsDb): () => Promise<RecordedPrompts> {
  let previous: string[] = [];
  return async () => {
    const recordings = await allRecordings(db);
    for (const url of previous) URL.revokeObjectURL(url);
    const urls = new Map(recordings.map((recording) => [`${recording.promptId}\u0000${recording.language}`, URL.createObjectURL(new Blob([recording.audio], { type: recording.mime }))]));
    previous = [...urls.values()];
    const synthesised = new Set(recordings.filter((recording) => recording.origin === 'synthesised').map((recording) => `${recording.promptId}\u0000${recording.language}`));
    return {
      url: (id: string, language: Locale) => urls.get(`${id}\u0000${language}`) ?? null,
      synthesised: (id: string, language: Locale) => synthesised.has(`${id}\u0000${language}`),
    };
  };
}
