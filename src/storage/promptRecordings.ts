import Dexie, { type EntityTable } from 'dexie';
import type { Locale } from '../domain/locales';
import type { PromptRecordingSummary } from '../domain/promptRecordings';

/**
 * The office's prompt recordings as this kiosk holds them, pulled from the back office. A
 * database of their own: they are office data, not requests, and replacing or dropping them
 * never touches the outbox's schema or its upgrades.
 */
export interface LocalPromptRecording extends PromptRecordingSummary {
  /** The bytes, not a Blob: every IndexedDB (and its test double) clones an ArrayBuffer faithfully. */
  audio: ArrayBuffer;
}

export class PromptRecordingsDb extends Dexie {
  recordings!: EntityTable<LocalPromptRecording, 'promptId'>;

  constructor(name = 'shubbak-prompt-recordings') {
    super(name);
    this.version(1).stores({ recordings: '[promptId+language]' });
  }
}

export async function localRecordingSummaries(db: PromptRecordingsDb): Promise<PromptRecordingSummary[]> {
  const all = await db.recordings.toArray();
  return all.map(({ audio: _audio, ...summary }) => summary);
}

export async function saveRecording(db: PromptRecordingsDb, recording: LocalPromptRecording): Promise<void> {
  await db.recordings.put(recording);
}

export async function dropRecordings(db: PromptRecordingsDb, keys: readonly { promptId: string; language: Locale }[]): Promise<void> {
  await db.recordings.bulkDelete(keys.map(({ promptId, language }) => [promptId, language]) as unknown as string[]);
}

export async function allRecordings(db: PromptRecordingsDb): Promise<LocalPromptRecording[]> {
  return db.recordings.toArray();
}
