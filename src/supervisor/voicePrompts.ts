import type { Locale } from '../domain/locales';
import type { OfficeStreet } from '../domain/officeStreets';
import { MAX_RECORDING_BYTES, type PromptRecordingSummary } from '../domain/promptRecordings';
import type { SupervisorAuditAction } from '../machines/supervisor/types';
import type { Microphone, MicrophoneTake } from '../platform/microphone';
import { deleteHere, findRecording, localRecordingSummaries, recordHere, type PromptRecordingsDb } from '../storage/promptRecordings';

/** One of the office's recordings as the voice prompts page lists it. */
export interface OfficeRecordingRow {
  promptId: string;
  language: Locale;
  recordedAt: string;
  /** Saved here and not yet acknowledged by the back office. */
  waitingToUpload: boolean;
  /** Said by the back office's synthesiser (a street's name no staff member recorded yet), not by staff. */
  synthesised: boolean;
}

export type SaveRecordingOutcome = { ok: true } | { ok: false; reason: 'tooLarge' | 'empty' };

export interface VoicePromptServices {
  microphone: Microphone;
  /** The office's streets as this kiosk last pulled them: their names are recorded like the prompts. */
  officeStreets(): Promise<readonly OfficeStreet[]>;
  /** The office's recordings this kiosk plays (deleted ones excluded). */
  list(): Promise<OfficeRecordingRow[]>;
  /** A recording's audio, to play it back on the page. */
  audio(promptId: string, language: Locale): Promise<Blob | null>;
  /** Keeps the take on this kiosk (played from the next session) and has the sync send it to the office. Audited. */
  save(promptId: string, language: Locale, take: MicrophoneTake): Promise<SaveRecordingOutcome>;
  /** Stops playing the office's recording here and has the sync delete it for the office. Audited. */
  remove(promptId: string, language: Locale): Promise<boolean>;
}

export interface VoicePromptDeps {
  recordings: PromptRecordingsDb;
  microphone: Microphone;
  officeStreets(): Promise<readonly OfficeStreet[]>;
  audit(action: SupervisorAuditAction, detail: string): Promise<void>;
  /** Starts a sync cycle: it sends what was saved or deleted here before pulling. */
  triggerSync(): void;
  now(): number;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createVoicePromptServices(deps: VoicePromptDeps): VoicePromptServices {
  return {
    microphone: deps.microphone,
    officeStreets: deps.officeStreets,
    async list() {
      const summaries = await localRecordingSummaries(deps.recordings);
      return summaries
        .filter((summary) => summary.pending !== 'delete')
        .map(({ promptId, language, recordedAt, pending, origin }) => ({
          promptId,
          language,
          recordedAt,
          waitingToUpload: pending === 'upload',
          synthesised: origin === 'synthesised' && pending === undefined,
        }));
    },
    async audio(promptId, language) {
      const found = await findRecording(deps.recordings, { promptId, language });
      return found ? new Blob([found.audio], { type: found.mime }) : null;
    },
    async save(promptId, language, take) {
      // SubtleCrypto is given a view, not the Blob's bare ArrayBuffer: jsdom's Blob answers one it refuses.
      const bytes = new Uint8Array(await take.audio.arrayBuffer());
      const audio = bytes.buffer;
      if (audio.byteLength === 0) return { ok: false, reason: 'empty' };
      // The back office refuses more; better said now than found stuck in the queue.
      if (audio.byteLength > MAX_RECORDING_BYTES) return { ok: false, reason: 'tooLarge' };
      const summary: PromptRecordingSummary = { promptId, language, mime: take.mime, sha256: await sha256Hex(bytes), recordedAt: new Date(deps.now()).toISOString() };
      await recordHere(deps.recordings, { ...summary, audio });
      await deps.audit('supervisor.recordingSave', `prompt=${promptId} language=${language} bytes=${audio.byteLength}`);
      deps.triggerSync();
      return { ok: true };
    },
    async remove(promptId, language) {
      const done = await deleteHere(deps.recordings, { promptId, language });
      await deps.audit('supervisor.recordingDelete', `prompt=${promptId} language=${language}${done ? '' : ' none'}`);
      if (done) deps.triggerSync();
      return done;
    },
  };
}
