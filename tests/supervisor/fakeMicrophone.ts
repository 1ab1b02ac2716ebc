import { MicrophoneError, type Microphone, type MicrophoneFailure, type MicrophoneTake, type OpenMicrophone } from '../../src/platform/microphone';

/**
 * A microphone for jsdom: counts how often it was opened and released, records "takes" made of
 * known bytes, and can refuse like a user or a host that denies the permission.
 */
export class FakeMicrophone implements Microphone {
  opened = 0;
  released = 0;
  refuse: MicrophoneFailure | null = null;
  /** The bytes the next take will hold. */
  nextTake = 'fake opus take';
  recording = false;

  async open(): Promise<OpenMicrophone> {
    if (this.refuse) throw new MicrophoneError(this.refuse, 'refused by the test');
    this.opened += 1;
    let live = true;
    return {
      level: () => (this.recording ? 0.6 : 0),
      start: () => {
        if (!live) throw new Error('started after release');
        this.recording = true;
      },
      stop: async (): Promise<MicrophoneTake> => {
        this.recording = false;
        return { audio: new Blob([this.nextTake], { type: 'audio/webm' }), mime: 'audio/webm' };
      },
      release: () => {
        if (!live) return;
        live = false;
        this.recording = false;
        this.released += 1;
      },
    };
  }

  /** Whether a microphone is open now (opened and not yet released). */
  get open_(): boolean {
    return this.opened > this.released;
  }
}
