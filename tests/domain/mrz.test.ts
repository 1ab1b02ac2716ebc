import { describe, expect, it } from 'vitest';
import { parseTd1 } from '../../src/domain/mrz';

// The TD1 specimen published in ICAO Doc 9303 part 5 (fictitious state "UTO").
const SPECIMEN = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'].join('\n');

describe('reading a TD1 machine-readable zone', () => {
  it('reads the ICAO specimen into identity fields', () => {
    const result = parseTd1(SPECIMEN, 2026);
    expect(result).toEqual({
      ok: true,
      identity: {
        documentNumber: 'D23145890',
        optionalData: '',
        cin: null,
        dateOfBirth: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        nationality: 'UTO',
        issuingState: 'UTO',
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

/** ICAO 9303 check digit (weights 7-3-1), to build specimens; the parser checks with the `mrz` package's own. */
function checkDigit(field: string): string {
  const value = (ch: string) => (ch === '<' ? 0 : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  return String([...field].reduce((sum, ch, i) => sum + value(ch) * ([7, 3, 1][i % 3] ?? 1), 0) % 10);
}

/** A CNIE-like zone built to ICAO 9303 part 5: the card's number in the document number, the CIN in the optional data. */
function cnieSpecimen({ card, optional, birth = '900412', expiry = '310101' }: { card: string; optional: string; birth?: string; expiry?: string }): string {
  const line1Body = `${card}${checkDigit(card)}${optional.padEnd(15, '<')}`;
  const line1 = `IDMAR${line1Body}`;
  const line2Start = `${birth}${checkDigit(birth)}F${expiry}${checkDigit(expiry)}MAR${'<'.repeat(11)}`;
  const composite = line1Body + line2Start.slice(0, 7) + line2Start.slice(8, 15) + line2Start.slice(18, 29);
  const line2 = `${line2Start}${checkDigit(composite)}`;
  const line3 = 'EL<AMRANI<<FATIMA<ZAHRA'.padEnd(30, '<');
  return [line1, line2, line3].join('\n');
}

describe('the CIN in a CNIE-like zone', () => {
  it('builds specimens with the check digits of the ICAO specimen', () => {
    expect(['D23145890', '740812', '120415'].map(checkDigit)).toEqual(['7', '2', '9']);
  });

  it('takes the CIN from the optional data (the personal number), not from the card number', () => {
    const result = parseTd1(cnieSpecimen({ card: 'ZX0123456', optional: 'AB123456' }), 2026);
    expect(result).toEqual({
      ok: true,
      identity: expect.objectContaining({
        documentNumber: 'ZX0123456',
        optionalData: 'AB123456',
        cin: 'AB123456',
        dateOfBirth: '1990-04-12',
        issuingState: 'MAR',
        nationality: 'MAR',
        lastName: 'EL AMRANI',
        firstNames: 'FATIMA ZAHRA',
      }),
    });
  });

  it('falls back to the document number when only it has the shape of a CIN (older layouts)', () => {
    const result = parseTd1(cnieSpecimen({ card: 'AB123456<', optional: '' }), 2026);
    expect(result.ok && result.identity.cin).toBe('AB123456');
  });

  it('finds no CIN when neither field has its shape', () => {
    const result = parseTd1(cnieSpecimen({ card: 'ZX0123456', optional: '12345' }), 2026);
    expect(result.ok && result.identity.cin).toBeNull();
  });

  it('refuses a misread date of birth by its check digit', () => {
    const zone = cnieSpecimen({ card: 'ZX0123456', optional: 'AB123456' });
    expect(parseTd1(zone.replace('900412', '900413'), 2026)).toEqual({ ok: false, reason: 'checkDigit' });
  });
});
