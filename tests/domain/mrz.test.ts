import { describe, expect, it } from 'vitest';
import { mrzCheckDigit, parseTd1 } from '../../src/domain/mrz';

// The TD1 specimen published in ICAO Doc 9303 part 5 (fictitious state "UTO").
const SPECIMEN = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'].join('\n');

describe('ICAO 9303 check digits (weights 7-3-1)', () => {
  it.each([
    ['D23145890', 7],
    ['740812', 2],
    ['120415', 9],
    ['<<<<', 0],
  ])('%s has check digit %i', (field, digit) => {
    expect(mrzCheckDigit(field)).toBe(digit);
  });

  it('refuses characters outside the MRZ alphabet', () => {
    expect(mrzCheckDigit('AB-1')).toBe(-1);
  });
});

describe('reading a TD1 machine-readable zone', () => {
  it('reads the ICAO specimen into identity fields', () => {
    const result = parseTd1(SPECIMEN, 2026);
    expect(result).toEqual({
      ok: true,
      identity: {
        documentNumber: 'D23145890',
        optionalData: '',
        dateOfBirth: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        nationality: 'UTO',
        lastName: 'ERIKSSON',
        firstNames: 'ANNA MARIA',
      },
    });
  });

  it('accepts what a keyboard-wedge reader types: lower case, CRLF, blank lines', () => {
    expect(parseTd1(`\r\n${SPECIMEN.toLowerCase().replace(/\n/g, '\r\n')}\r\n`, 2026).ok).toBe(true);
  });

  it.each([
    [2026, '1974-08-12'],
    [2073, '1974-08-12'],
    [2074, '2074-08-12'],
  ])('with pivot year %i reads the two-digit birth year 74 as %s', (pivot, dateOfBirth) => {
    const result = parseTd1(SPECIMEN, pivot);
    expect(result.ok && result.identity.dateOfBirth).toBe(dateOfBirth);
  });

  it('refuses a zone whose document number was misread', () => {
    expect(parseTd1(SPECIMEN.replace('D2314', 'D2315'), 2026)).toEqual({ ok: false, reason: 'checkDigit' });
  });

  it('refuses a zone whose composite check fails', () => {
    expect(parseTd1(SPECIMEN.replace('UTO<<<<<<<<<<<6', 'UTO<<<<<<<<<<<5'), 2026)).toEqual({ ok: false, reason: 'checkDigit' });
  });

  it.each([
    ['two lines', SPECIMEN.split('\n').slice(0, 2).join('\n')],
    ['a short line', SPECIMEN.replace('ERIKSSON<<', 'ERIKSSON<')],
    ['a stray character', SPECIMEN.replace('ANNA', 'AN-A')],
  ])('refuses %s as a format error', (_label, text) => {
    expect(parseTd1(text, 2026)).toEqual({ ok: false, reason: 'format' });
  });
});
