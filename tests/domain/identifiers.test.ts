import { describe, expect, it } from 'vitest';
import { isPostalCode, normalizeCin, parseCin, parseMoroccanMobile } from '../../src/domain/identifiers';

describe('CIN numbers', () => {
  it.each([
    ['AB123456', 'AB123456'],
    ['ab123456', 'AB123456'],
    [' a 12345 ', 'A12345'],
    ['BK-654321', 'BK654321'],
    ['Z12345', 'Z12345'],
  ])('accepts %j as %s', (raw, canonical) => {
    expect(parseCin(raw)).toBe(canonical);
  });

  it.each(['', 'ABC12345', '123456', 'A1234', 'A1234567', 'AB12E456', 'É12345'])('refuses %j', (raw) => {
    expect(parseCin(raw)).toBeNull();
  });

  it('does not hard-code a list of prefixes', () => {
    expect(parseCin('QQ123456')).toBe('QQ123456');
  });

  it('normalises without judging', () => {
    expect(normalizeCin(' ab 12 ')).toBe('AB12');
  });
});

describe('Moroccan mobile numbers, stored in E.164', () => {
  it.each([
    ['0612345678', '+212612345678'],
    ['07 12 34 56 78', '+212712345678'],
    ['+212612345678', '+212612345678'],
    ['00212 7-12-34-56-78', '+212712345678'],
    ['(06) 12.34.56.78', '+212612345678'],
  ])('accepts %j as %s', (raw, e164) => {
    expect(parseMoroccanMobile(raw)).toBe(e164);
  });

  it.each(['0512345678', '061234567', '06123456789', '+33612345678', 'abc', '', '+2120612345678'])('refuses %j', (raw) => {
    expect(parseMoroccanMobile(raw)).toBeNull();
  });
});

describe('postal codes', () => {
  it.each([
    ['60000', true],
    [' 63300 ', true],
    ['6000', false],
    ['600000', false],
    ['6000A', false],
  ])('%j is a postal code: %s', (raw, expected) => {
    expect(isPostalCode(raw)).toBe(expected);
  });
});
