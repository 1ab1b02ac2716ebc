import { isStreetPromptId } from '../domain/audioPrompts';
import { dropRefusedUpload, settleDeletion, settleUpload, pendingRecordings, type PromptRecordingsDb } from '../storage/promptRecordings';
import { SyncError } from './syncError';
import type { Transport } from './transport';

function base64Of(audio: ArrayBuffer): string {
  const bytes = new Uint8Array(audio);
  let binary = '';
  // In slices: String.fromCharCode with 400 KB of arguments overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/**
 * Sends what staff recorded or deleted on this kiosk (supervisor mode's voice prompts page), each
 * settled only once the back office acknowledged it; runs before the pull, so the pull sees the
 * office's list with this kiosk's changes in it. Returns how many were sent.
 */
export async function pushPromptRecordings(
  db: PromptRecordingsDb,
  transport: Pick<Transport, 'uploadPromptRecording' | 'deletePromptRecording'>,
  signal?: AbortSignal,
): Promise<{ uploaded: number; deleted: number }> {
  let uploaded = 0;
  let deleted = 0;
  for (const recording of await pendingRecordings(db)) {
    if (recording.pending === 'delete') {
      await transport.deletePromptRecording(recording.promptId, recording.language, signal);
      await settleDeletion(db, recording);
      deleted += 1;
    } else {
      let stored;
      try {
        stored = await transport.uploadPromptRecording(recording.promptId, recording.language, { mime: recording.mime, audioBase64: base64Of(recording.audio) }, signal);
      } catch (error) {
        // 404 for a street's name: the office's street list no longer has that street (unknown_street).
        if (error instanceof SyncError && error.status === 404 && isStreetPromptId(recording.promptId)) {
          await dropRefusedUpload(db, recording, recording.sha256);
          continue;
        }
        throw error;
      }
      await settleUpload(db, recording.sha256, stored);
      uploaded += 1;
    }
  }
  return { uploaded, deleted };
}
