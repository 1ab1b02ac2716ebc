import { describe, expect, it } from 'vitest';
import { createMrzWedgeReader } from '../../src/ui/identity/mrzWedgeReader';

const ZONE = ['IDMARZX01234561AB123456<<<<<<<', '9004122F3101013MAR<<<<<<<<<<<4', 'EL<AMRANI<<FATIMA<ZAHRA<<<<<<<'];

/** Feeds keys `gap` ms apart and returns the verdicts. */
function feed(keys: string[], gap: number, start = 1000) {
  const reader = createMrzWedgeReader();
  return keys.map((key, index) => reader.key(key, start + index * gap));
}

const typed = (lines: string[]) => lines.flatMap((line) => [...line, 'Enter']);

describe('telling a wedge reader from a person', () => {
  it('reads three lines typed fast and Enter as a zone, swallowing the Enters between lines', () => {
    const verdicts = feed(typed(ZONE), 8);
    expect(verdicts.filter((verdict) => verdict.type === 'swallow')).toHaveLength(2);
    expect(verdicts.at(-1)).toEqual({ type: 'zone', text: ZONE.join('\n'), burstStart: false });
    expect(verdicts[0]?.burstStart).toBe(true);
    expect(verdicts.slice(1).some((verdict) => verdict.burstStart)).toBe(false);
  });

  it('ignores Shift, which a reader sends before capital letters', () => {
    const keys = typed(ZONE).flatMap((key) => (/[A-Z]/.test(key) && key.length === 1 ? ['Shift', key] : [key]));
    expect(feed(keys, 4).at(-1)?.type).toBe('zone');
  });

  it('leaves a person typing the same characters slowly alone: Enter submits the form', () => {
    const verdicts = feed(typed(ZONE), 150);
    expect(verdicts.every((verdict) => verdict.type === 'pass')).toBe(true);
  });

  it('lets an ordinary Enter through, after a CIN typed fast', () => {
    expect(feed([...'AB123456', 'Enter'], 5).at(-1)).toMatchObject({ type: 'pass' });
  });

  it('starts again after a pause in the middle of a zone', () => {
    const reader = createMrzWedgeReader();
    const keys = typed(ZONE);
    keys.slice(0, 40).forEach((key, index) => reader.key(key, index * 5));
    const rest = keys.slice(40).map((key, index) => reader.key(key, 10_000 + index * 5));
    expect(rest.some((verdict) => verdict.type === 'zone')).toBe(false);
  });

  it('reads the zone when the reader starts right after other fast keys', () => {
    expect(feed([...'AB12', ...typed(ZONE)], 5).at(-1)).toEqual({ type: 'zone', text: ZONE.join('\n'), burstStart: false });
  });

  it('lets an Enter after a non-MRZ key through', () => {
    expect(feed([...ZONE[0]!, '-', 'Enter'], 5).at(-1)).toMatchObject({ type: 'pass' });
  });
});
