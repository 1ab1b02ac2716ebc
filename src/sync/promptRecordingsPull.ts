import type { PromptRecordingSummary } from '../domain/promptRecordings';
import { dropRecordings, localRecordingSummaries, saveRecording, type PromptRecordingsDb } from '../storage/promptRecordings';
import type { Transport } from './transport';

const keyOf = (recording: Pick<PromptRecordingSummary, 'promptId' | 'language'>) => `${recording.promptId}\u0000${recording.language}`;

function audioFromBase64(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}

/**
 * Makes the kiosk's copy of the office's recordings match the back office's list: fetches the
 * ones it lacks or that changed (by SHA-256; a staff take replacing a synthesised street name,
 * or the synthesised one back after the staff take's deletion, is such a change), drops the ones the office no longer has, and leaves
 * alone what staff recorded or deleted here and the back office has not acknowledged yet. Returns
 * how many it fetched and dropped.
 */
export async function pullPromptRecordings(db: PromptRecordingsDb, transport: Pick<Transport, 'promptRecordings' | 'promptRecording'>, signal?: AbortSignal) {
  const remote = await transport.promptRecordings(signal);
  const local = new Map((await localRecordingSummaries(db)).map((summary) => [keyOf(summary), summary]));
  let fetched = 0;
  for (const summary of remote) {
    const mine = local.get(keyOf(summary));
    // A change made here and not yet acknowledged is newer than the office's copy.
    if (mine?.pending !== undefined || mine?.sha256 === summary.sha256) continue;
    const { audioBase64, ...rest } = await transport.promptRecording(summary.promptId, summary.language, signal);
    // Who made it comes from the list (the fetch answers the shape earlier kiosks parse): a staff take recorded over it has another SHA-256.
    await saveRecording(db, { ...rest, audio: audioFromBase64(audioBase64), ...(summary.origin === 'synthesised' ? { origin: 'synthesised' as const } : {}) });
    fetched += 1;
  }
  const wanted = new Set(remote.map(keyOf));
  const gone = [...local.values()].filter((summary) => summary.pending === undefined && !wanted.has(keyOf(summary)));
  await dropRecordings(db, gone);
  return { fetched, dropped: gone.length };
}
