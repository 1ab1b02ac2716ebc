import type { Locale } from '../../../src/domain/locales';
import type { PromptRecordingOrigin, PromptRecordingSummary } from '../../../src/domain/promptRecordings';

/** A take as the office's kiosks get it, with who made it. */
export interface OfficePromptRecording extends PromptRecordingSummary {
  origin: PromptRecordingOrigin;
}

export interface StoredPromptRecording extends OfficePromptRecording {
  audio: Buffer;
}

/** What every saved take carries, whoever made it. */
interface PromptTakePut {
  officeId: string;
  promptId: string;
  language: Locale;
  mime: PromptRecordingSummary['mime'];
  audio: Buffer;
  recordedAt: string;
}

/** A staff take, recorded on a kiosk of the office. */
export interface PromptRecordingPut extends PromptTakePut {
  deviceId: string;
}

/** A take the back office synthesised (a street's name): no device made it; `source` says from what voice and text. */
export interface SynthesisedPromptRecordingPut extends PromptTakePut {
  source: string;
}

/** What a synthesised take was made from, to know whether it must be made again. */
export interface SynthesisedPromptSource {
  promptId: string;
  language: Locale;
  source: string;
}

/**
 * The office's prompt recordings (migrations 008 and 016). Per prompt and language at most one
 * staff take (a new one replaces the old) and one synthesised take. The kiosks get the staff
 * take while there is one, else the synthesised one: a synthesised take never replaces nor hides
 * a staff take, and deleting the staff take brings the synthesised one back.
 */
export interface PromptRecordingStore {
  /** Stores a staff take (a kiosk's upload), replacing the previous staff take only. */
  putPromptRecording(recording: PromptRecordingPut): Promise<OfficePromptRecording>;
  /** Stores a synthesised take, replacing the previous synthesised take only. */
  putSynthesisedPromptRecording(recording: SynthesisedPromptRecordingPut): Promise<void>;
  /** The take the kiosks play per prompt and language (staff first), without the audio, in prompt then language order. */
  listPromptRecordings(officeId: string): Promise<OfficePromptRecording[]>;
  /** The take the kiosks play for that prompt and language (staff first), or null. */
  getPromptRecording(officeId: string, promptId: string, language: Locale): Promise<StoredPromptRecording | null>;
  /** Removes the office's staff take of that prompt in that language; false when it had none. A synthesised take stays. */
  deletePromptRecording(officeId: string, promptId: string, language: Locale): Promise<boolean>;
  /** Every synthesised take of the office, whether or not a staff take hides it. */
  listSynthesisedPromptSources(officeId: string): Promise<SynthesisedPromptSource[]>;
  /** Removes a synthesised take (its street left the list); false when there was none. */
  deleteSynthesisedPromptRecording(officeId: string, promptId: string, language: Locale): Promise<boolean>;
}
