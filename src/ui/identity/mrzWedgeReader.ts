/**
 * Tells a keyboard-wedge MRZ reader from a person at a keyboard. The reader "types" the three
 * 30-character lines of the CNIE's zone, each followed by Enter, a few milliseconds apart; a
 * person types far slower and never 30 MRZ characters in a row. What this decides per key:
 * - `pass`: an ordinary key, left alone (an Enter that ends no MRZ line still submits the form);
 * - `swallow`: the Enter ending line 1 or 2 of a zone, which must not submit the form;
 * - `zone`: the Enter ending line 3, with the three lines read.
 * `burstStart` marks the first key after a pause: the screen remembers what the focused field
 * held then, to put it back once the reader's characters turn out to be a zone.
 */
export type WedgeVerdict = { type: 'pass' | 'swallow'; burstStart: boolean } | { type: 'zone'; text: string; burstStart: boolean };

export const MRZ_LINE_LENGTH = 30;
/** Wedge readers send a key every 2–20 ms; 60 ms leaves room for a busy tablet, and no person types that fast for 30 keys. */
export const WEDGE_MAX_GAP_MS = 60;

const MODIFIERS = new Set(['Shift', 'CapsLock']);

export function createMrzWedgeReader(maxGapMs = WEDGE_MAX_GAP_MS) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let line = '';
  let lines: string[] = [];

  function reset() {
    line = '';
    lines = [];
  }

  return {
    /** `key` as in KeyboardEvent.key; `at` in milliseconds (event.timeStamp). */
    key(key: string, at: number): WedgeVerdict {
      if (MODIFIERS.has(key)) return { type: 'pass', burstStart: false };
      const burstStart = at - lastAt > maxGapMs;
      lastAt = at;
      if (burstStart) reset();
      if (key === 'Enter') {
        if (line.length !== MRZ_LINE_LENGTH) {
          reset();
          return { type: 'pass', burstStart };
        }
        lines.push(line);
        line = '';
        if (lines.length < 3) return { type: 'swallow', burstStart };
        const text = lines.join('\n');
        reset();
        return { type: 'zone', text, burstStart };
      }
      // A line is the last 30 characters before its Enter: keys typed just before the reader started
      // (a person's, or a half-read zone) slide out of it.
      if (/^[A-Za-z0-9<]$/.test(key)) line = (line + key.toUpperCase()).slice(-MRZ_LINE_LENGTH);
      else reset();
      return { type: 'pass', burstStart };
    },
  };
}
