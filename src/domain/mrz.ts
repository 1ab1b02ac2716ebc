/**
 * ICAO 9303 TD1 machine-readable zone (3 lines × 30 characters), as printed on the 2020 CNIE.
 * A keyboard-wedge MRZ reader "types" these lines; a checked MRZ fills identity fields
 * without typing. Which field carries the familiar CIN number is unconfirmed, so both the
 * document number and the optional data are returned for the caller to choose.
 */

const WEIGHTS = [7, 3, 1] as const;

function charValue(ch: string): number {
  if (ch === '<') return 0;
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return -1;
}

/** ICAO check digit: sum of values weighted 7-3-1, modulo 10. */
export function mrzCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const value = charValue(field[i] ?? '');
    if (value < 0) return -1;
    sum += value * (WEIGHTS[i % 3] ?? 1);
  }
  return sum % 10;
}

export interface Td1Identity {
  documentNumber: string;
  optionalData: string;
  /** ISO date (YYYY-MM-DD). */
  dateOfBirth: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  nationality: string;
  lastName: string;
  firstNames: string;
}

export type Td1Result = { ok: true; identity: Td1Identity } | { ok: false; reason: 'format' | 'checkDigit' };

function yymmddToIso(yymmdd: string, pivotYear: number): string {
  const yy = Number(yymmdd.slice(0, 2));
  const century = 2000 + yy > pivotYear ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** `pivotYear`: birth years above it belong to the previous century (pass the current year). */
export function parseTd1(text: string, pivotYear: number): Td1Result {
  const lines = text
    .toUpperCase()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length !== 3 || lines.some((line) => !/^[A-Z0-9<]{30}$/.test(line))) {
    return { ok: false, reason: 'format' };
  }
  const [l1, l2, l3] = lines as [string, string, string];
  const documentNumber = l1.slice(5, 14);
  const birth = l2.slice(0, 6);
  const expiry = l2.slice(8, 14);
  const checks: Array<[string, string]> = [
    [documentNumber, l1[14] ?? ''],
    [birth, l2[6] ?? ''],
    [expiry, l2[14] ?? ''],
  ];
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  checks.push([composite, l2[29] ?? '']);
  if (checks.some(([field, digit]) => String(mrzCheckDigit(field)) !== digit)) {
    return { ok: false, reason: 'checkDigit' };
  }
  const [surname = '', given = ''] = l3.split('<<');
  const sexChar = l2[7];
  return {
    ok: true,
    identity: {
      documentNumber: documentNumber.replace(/</g, ''),
      optionalData: l1.slice(15, 30).replace(/</g, ''),
      dateOfBirth: yymmddToIso(birth, pivotYear),
      sex: sexChar === 'M' || sexChar === 'F' ? sexChar : 'X',
      expiryDate: yymmddToIso(expiry, 2099),
      nationality: l2.slice(15, 18).replace(/</g, ''),
      lastName: surname.replace(/</g, ' ').trim(),
      firstNames: given.replace(/</g, ' ').trim(),
    },
  };
}
