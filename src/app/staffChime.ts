/**
 * The sound a kiosk makes when a citizen calls a staff member: a two-note "ding-dong", twice,
 * loud enough to be heard across a counter, made by Web Audio so no sound file has to ship.
 * It plays inside the tap that asked for help (browsers let a page start audio on a user
 * gesture), and never throws: a kiosk without a sound device still shows the citizen the notice.
 */

/** The part of Web Audio the chime uses (a fake in tests). */
export interface ChimeAudio {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { setValueAtTime(value: number, at: number): unknown };
    connect(node: unknown): unknown;
    start(at: number): void;
    stop(at: number): void;
  };
  createGain(): {
    gain: { setValueAtTime(value: number, at: number): unknown; exponentialRampToValueAtTime(value: number, at: number): unknown };
    connect(node: unknown): unknown;
  };
}

/** Hz and start offset (s) of each note: E5 then C5, then again. */
export const CHIME_NOTES = [
  { frequency: 659.25, at: 0 },
  { frequency: 523.25, at: 0.45 },
  { frequency: 659.25, at: 1.2 },
  { frequency: 523.25, at: 1.65 },
] as const;
const NOTE_SECONDS = 0.7;
const PEAK_GAIN = 0.6;

export interface StaffChime {
  /** Starts the chime; false when this kiosk cannot play sound. */
  play(): boolean;
}

function browserAudio(): ChimeAudio | null {
  const Context = (globalThis as { AudioContext?: new () => ChimeAudio }).AudioContext;
  return Context ? new Context() : null;
}

export function createStaffChime(openAudio: () => ChimeAudio | null = browserAudio): StaffChime {
  // One context for the life of the page: browsers limit how many a page may open.
  let audio: ChimeAudio | null = null;
  return {
    play() {
      try {
        audio ??= openAudio();
        if (!audio) return false;
        if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
        const start = audio.currentTime + 0.05;
        for (const note of CHIME_NOTES) {
          const oscillator = audio.createOscillator();
          const envelope = audio.createGain();
          oscillator.type = 'sine';
          oscillator.frequency.setValueAtTime(note.frequency, start + note.at);
          // A bell: loud at once, fading out (an exponential ramp cannot reach 0, hence 0.001).
          envelope.gain.setValueAtTime(PEAK_GAIN, start + note.at);
          envelope.gain.exponentialRampToValueAtTime(0.001, start + note.at + NOTE_SECONDS);
          oscillator.connect(envelope);
          envelope.connect(audio.destination);
          oscillator.start(start + note.at);
          oscillator.stop(start + note.at + NOTE_SECONDS);
        }
        return true;
      } catch {
        return false;
      }
    },
  };
}
