import type { Locale } from '../../../src/domain/locales';
import type { PromptRecordingSummary } from '../../../src/domain/promptRecordings';

export interface StoredPromptRecording extends PromptRecordingSummary {
  audio: Buffer;
}

export interface PromptRecordingPut {
  officeId: string;
  promptId: string;
  language: Locale;
  mime: PromptRecordingSummary['mime'];
  audio: Buffer;
  recordedAt: string;
  deviceId: string;
}

/** The office's own prompt recordings (migration 008). One per prompt and language: a new one replaces the old. */
export interface PromptRecordingStore {
  putPromptRecording(recording: PromptRecordingPut): Promise<PromptRecordingSummary>;
  /** What the office has recorded, without the audio, in prompt then language order. */
  listPromptRecordings(officeId: string): Promise<PromptRecordingSummary[]>;
  getPromptRecording(officeId: string, promptId: string, language: Locale): Promise<StoredPromptRecording | null>;
  /** Removes the office's recording of that prompt in that language; false when it had none. */
  deletePromptRecording(officeId: string, promptId: string, language: Locale): Promise<boolean>;
}
