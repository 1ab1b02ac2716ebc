import { describe, expect, it } from 'vitest';
import {
  TRACKING_ALPHABET,
  checkSymbol,
  checkTrackingCode,
  formatTrackingCode,
  isKioskPrefix,
  normalizeTrackingCode,
  randomKioskPrefix,
} from '../../src/domain/trackingCode';

describe('tracking codes', () => {
  it('read as prefix, zero-padded sequence and a check symbol', () => {
    expect(formatTrackingCode('BKN', 42)).toMatch(/^BKN-00042-[0-9A-Z]$/);
  });

  it('grow past five digits instead of wrapping', () => {
    expect(formatTrackingCode('BKN', 123456)).toMatch(/^BKN-123456-[0-9A-Z]$/);
  });

  it('use no symbol that is confused when read aloud or handwritten', () => {
    for (const confusing of ['I', 'L', 'O', 'U']) expect(TRACKING_ALPHABET).not.toContain(confusing);
    expect(new Set(TRACKING_ALPHABET).size).toBe(32);
  });

  it('are unique for every sequence number of a kiosk', () => {
    const codes = new Set(Array.from({ length: 5000 }, (_, i) => formatTrackingCode('QRT', i + 1)));
    expect(codes.size).toBe(5000);
  });

  it('refuse invalid prefixes and sequences', () => {
    expect(() => formatTrackingCode('BK', 1)).toThrow(RangeError);
    expect(() => formatTrackingCode('BKO', 1)).toThrow(RangeError);
    expect(() => formatTrackingCode('BKN', 0)).toThrow(RangeError);
    expect(() => formatTrackingCode('BKN', 1.5)).toThrow(RangeError);
  });

  it('pass their own check', () => {
    for (let seq = 1; seq < 300; seq++) {
      const code = formatTrackingCode('H7M', seq);
      expect(checkTrackingCode(code)).toEqual({ ok: true, code });
    }
  });

  it('catch every single mistyped symbol', () => {
    const code = formatTrackingCode('H7M', 4821);
    const compact = code.replace(/-/g, '');
    for (let i = 0; i < compact.length; i++) {
      for (const symbol of TRACKING_ALPHABET) {
        if (symbol === compact[i]) continue;
        const typo = compact.slice(0, i) + symbol + compact.slice(i + 1);
        expect(checkTrackingCode(typo).ok, `${typo} should fail`).toBe(false);
      }
    }
  });

  it('catch a swap of two neighbouring digits of the sequence', () => {
    const code = formatTrackingCode('H7M', 4821); // H7M-04821-?
    const swapped = code.replace('04821', '04281');
    expect(checkTrackingCode(swapped).ok).toBe(false);
  });

  it('are read back from what a person types: lower case, spaces, O for 0, I or L for 1', () => {
    const code = formatTrackingCode('BKN', 10);
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeTrackingCode(typed)).toBe(code);
    expect(checkTrackingCode(typed)).toEqual({ ok: true, code });
  });

  it.each([
    ['', 'format'],
    ['BKN-0001', 'format'],
    ['BK-00001-A', 'format'],
    ['BKN-ABCDE-A', 'format'],
  ])('refuse %j as %s', (raw, reason) => {
    expect(checkTrackingCode(raw)).toEqual({ ok: false, reason });
  });

  it('tell a wrong check symbol apart from a wrong format', () => {
    const code = formatTrackingCode('BKN', 7);
    const last = code.slice(-1);
    const other = TRACKING_ALPHABET[(TRACKING_ALPHABET.indexOf(last) + 1) % 32];
    expect(checkTrackingCode(code.slice(0, -1) + other)).toEqual({ ok: false, reason: 'checkSymbol' });
  });

  it('compute the Luhn mod 32 symbol that makes the whole string check to zero', () => {
    expect(checkSymbol('0')).toBe('0');
    expect(TRACKING_ALPHABET).toContain(checkSymbol('BKN00042'));
  });

  it('get a random prefix of letters when the kiosk has none yet', () => {
    let i = 0;
    const values = [0, 0.5, 0.999];
    const prefix = randomKioskPrefix(() => values[i++ % 3] ?? 0);
    expect(isKioskPrefix(prefix)).toBe(true);
    expect(prefix).toMatch(/^[A-Z]{3}$/);
  });
});
