import Dexie, { type EntityTable } from 'dexie';
import type { Locale } from '../domain/locales';
import type { PromptRecordingOrigin, PromptRecordingSummary } from '../domain/promptRecordings';

/**
 * The office's prompt recordings as this kiosk holds them: pulled from the back office, or made
 * here by staff and not yet sent. A database of their own: they are office data, not requests,
 * and replacing or dropping them never touches the outbox's schema or its upgrades.
 */
export interface LocalPromptRecording extends PromptRecordingSummary {
  /** The bytes, not a Blob: every IndexedDB (and its test double) clones an ArrayBuffer faithfully. */
  audio: ArrayBuffer;
  /**
   * Made or deleted by staff on this kiosk and not yet acknowledged by the back office. A pending
   * recording is never replaced nor dropped by a pull; one pending deletion is never played.
   */
  pending?: 'upload' | 'delete';
  /**
   * `synthesised`: the back office said a street's name (no staff take yet); played like a staff
   * take, listed as "synthesised voice". Absent: staff made it (here, or pulled).
   */
  origin?: PromptRecordingOrigin;
}

export type RecordingKey = Pick<PromptRecordingSummary, 'promptId' | 'language'>;

export class PromptRecordingsDb extends Dexie {
  recordings!: EntityTable<LocalPromptRecording, 'promptId'>;

  constructor(name = 'shubbak-prompt-recordings') {
    super(name);
    this.version(1).stores({ recordings: '[promptId+language]' });
  }
}

const keyOf = ({ promptId, language }: RecordingKey) => [promptId, language] as unknown as string;

export async function localRecordingSummaries(db: PromptRecordingsDb): Promise<(PromptRecordingSummary & Pick<LocalPromptRecording, 'pending' | 'origin'>)[]> {
  const all = await db.recordings.toArray();
  return all.map(({ audio: _audio, ...summary }) => summary);
}

export async function saveRecording(db: PromptRecordingsDb, recording: LocalPromptRecording): Promise<void> {
  await db.recordings.put(recording);
}

export async function dropRecordings(db: PromptRecordingsDb, keys: readonly { promptId: string; language: Locale }[]): Promise<void> {
  await db.recordings.bulkDelete(keys.map(keyOf));
}

/** What the kiosk plays: every recording but those staff deleted here. */
export async function allRecordings(db: PromptRecordingsDb): Promise<LocalPromptRecording[]> {
  return (await db.recordings.toArray()).filter((recording) => recording.pending !== 'delete');
}

export async function findRecording(db: PromptRecordingsDb, key: RecordingKey): Promise<LocalPromptRecording | null> {
  const found = await db.recordings.get(keyOf(key));
  return found && found.pending !== 'delete' ? found : null;
}

/** A recording staff made here: kept and played at once, sent by the next sync cycle. */
export async function recordHere(db: PromptRecordingsDb, recording: Omit<LocalPromptRecording, 'pending'>): Promise<void> {
  await db.recordings.put({ ...recording, pending: 'upload' });
}

/**
 * Staff deleted a recording here: no longer played, and the deletion is sent by the next sync
 * cycle (even for a take never sent: an earlier one may be on the back office, and deleting
 * nothing there is harmless).
 */
export async function deleteHere(db: PromptRecordingsDb, key: RecordingKey): Promise<boolean> {
  return db.transaction('rw', db.recordings, async () => {
    const found = await db.recordings.get(keyOf(key));
    if (!found || found.pending === 'delete') return false;
    await db.recordings.put({ ...found, pending: 'delete' });
    return true;
  });
}

export async function pendingRecordings(db: PromptRecordingsDb): Promise<LocalPromptRecording[]> {
  return db.recordings.filter((recording) => recording.pending !== undefined).toArray();
}

/**
 * The back office acknowledged a change made here. Only the very take that was sent is settled
 * (matched by SHA-256): one recorded again meanwhile stays pending for the next cycle.
 */
export async function settleUpload(db: PromptRecordingsDb, sentSha256: string, stored: PromptRecordingSummary): Promise<void> {
  await db.transaction('rw', db.recordings, async () => {
    const found = await db.recordings.get(keyOf(stored));
    if (!found || found.pending !== 'upload' || found.sha256 !== sentSha256) return;
    const { pending: _pending, ...rest } = found;
    await db.recordings.put({ ...rest, ...stored });
  });
}

/**
 * The back office refused this take for good (a street's name, and the office no longer has that
 * street): it is dropped here, unless a newer take replaced it meanwhile, so it blocks no sync.
 */
export async function dropRefusedUpload(db: PromptRecordingsDb, key: RecordingKey, sentSha256: string): Promise<void> {
  await db.transaction('rw', db.recordings, async () => {
    const found = await db.recordings.get(keyOf(key));
    if (found?.pending === 'upload' && found.sha256 === sentSha256) await db.recordings.delete(keyOf(key));
  });
}

export async function settleDeletion(db: PromptRecordingsDb, key: RecordingKey): Promise<void> {
  await db.transaction('rw', db.recordings, async () => {
    const found = await db.recordings.get(keyOf(key));
    if (found?.pending === 'delete') await db.recordings.delete(keyOf(key));
  });
}
