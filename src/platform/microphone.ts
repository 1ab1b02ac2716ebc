import type { z } from 'zod';
import type { recordingMimeSchema } from '../domain/promptRecordings';

/**
 * The tablet's microphone, as the voice prompts page records from it (supervisor mode only).
 * A platform service passed in: the browser implementation wraps getUserMedia and MediaRecorder
 * (browserMicrophone.ts); jsdom tests pass a fake.
 */
export interface Microphone {
  /** Asks for the microphone (the only place the kiosk does); rejects with a MicrophoneError. */
  open(): Promise<OpenMicrophone>;
}

export interface MicrophoneTake {
  audio: Blob;
  mime: z.infer<typeof recordingMimeSchema>;
}

/** A granted microphone; `release` stops its tracks (the tablet's microphone light goes off). */
export interface OpenMicrophone {
  /** How loud the room is now, 0 to 1, for the level meter. */
  level(): number;
  start(): void;
  /** Ends the take and answers its audio. */
  stop(): Promise<MicrophoneTake>;
  release(): void;
}

export type MicrophoneFailure = 'denied' | 'unavailable' | 'unsupported' | 'failed';

export class MicrophoneError extends Error {
  constructor(
    readonly reason: MicrophoneFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MicrophoneError';
  }
}

export function microphoneFailureOf(error: unknown): MicrophoneFailure {
  return error instanceof MicrophoneError ? error.reason : 'failed';
}
