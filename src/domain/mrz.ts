import { parse as parseMrz } from 'mrz';
import { westernDigits } from './digits';
import { parseCin } from './identifiers';

/**
 * ICAO 9303 TD1 machine-readable zone (3 lines × 30 characters), as printed on the back of the
 * 2020 CNIE. A keyboard-wedge MRZ reader types these lines; a checked zone fills identity fields
 * without typing. Parsing and check digits (7-3-1 over the document number, the dates and the
 * composite) are the `mrz` package's, the field's maintained parser; this module keeps only what
 * the kiosk decides: which lines to accept and which field is the CIN.
 *
 * Where the CIN is: on the CNIE the document number (line 1, characters 6–14) is the CARD's
 * number, printed at the top of the back; the holder's CIN, printed on the front as the
 * "personal number", is in the optional data of line 1 (characters 16–30), where ICAO 9303
 * part 5 puts a TD1 holder's personal number. Sources: the CNIE verification guide of
 * trustdochub.com (document number "at the top of the back side, and in the first line of the
 * MRZ"; personal number "in the middle of the front side"); uqudo's MAR_ID reference (on the
 * new card, "cardNumber: same as document number in the MRZ", the personal number apart). Not
 * confirmed on a real card here, so `cinOf` prefers the optional data when it has the shape of a
 * CIN and falls back to the document number when only that one has it (older layouts).
 */

export interface Td1Identity {
  /** The card's number (line 1, characters 6–14). */
  documentNumber: string;
  /** Line 1, characters 16–30: the holder's personal number (the CIN) on the CNIE. */
  optionalData: string;
  /** The CIN found in the zone (see above), or null when no field has a CIN's shape. */
  cin: string | null;
  /** ISO date (YYYY-MM-DD). */
  dateOfBirth: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  nationality: string;
  issuingState: string;
  lastName: string;
  firstNames: string;
}

export type Td1Result = { ok: true; identity: Td1Identity } | { ok: false; reason: 'format' | 'checkDigit' };

const CHECK_DIGIT_FIELDS = new Set(['documentNumberCheckDigit', 'birthDateCheckDigit', 'expirationDateCheckDigit', 'compositeCheckDigit']);
// The country lists of the package do not know ICAO's specimen state (UTO), nor a future one: a
// country code is read as printed, the check digits decide.
const COUNTRY_FIELDS = new Set(['issuingState', 'nationality']);

/** The three lines, as a wedge reader types them: any case, CRLF or LF, blank lines and spaces around. */
export function td1Lines(text: string): [string, string, string] | null {
  const lines = westernDigits(text)
    .toUpperCase()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length !== 3 || lines.some((line) => !/^[A-Z0-9<]{30}$/.test(line))) return null;
  return lines as [string, string, string];
}

function yymmddToIso(yymmdd: string, pivotYear: number): string {
  const yy = Number(yymmdd.slice(0, 2));
  const century = 2000 + yy > pivotYear ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

export function cinOf(documentNumber: string, optionalData: string): string | null {
  return parseCin(optionalData) ?? parseCin(documentNumber);
}

/** `pivotYear`: birth years above it belong to the previous century (pass the current year). */
export function parseTd1(text: string, pivotYear: number): Td1Result {
  const lines = td1Lines(text);
  if (!lines) return { ok: false, reason: 'format' };
  let result: ReturnType<typeof parseMrz>;
  try {
    result = parseMrz(lines);
  } catch {
    return { ok: false, reason: 'format' };
  }
  if (result.format !== 'TD1') return { ok: false, reason: 'format' };
  const failed = result.details.filter((detail) => !detail.valid && !(detail.field && COUNTRY_FIELDS.has(detail.field)));
  if (failed.some((detail) => detail.field && CHECK_DIGIT_FIELDS.has(detail.field))) return { ok: false, reason: 'checkDigit' };
  if (failed.length > 0) return { ok: false, reason: 'format' };
  const [l1, l2] = lines;
  const documentNumber = (result.fields.documentNumber ?? '').replace(/</g, '');
  const optionalData = l1.slice(15, 30).replace(/</g, '');
  const sex = l2[7];
  return {
    ok: true,
    identity: {
      documentNumber,
      optionalData,
      cin: cinOf(documentNumber, optionalData),
      dateOfBirth: yymmddToIso(l2.slice(0, 6), pivotYear),
      sex: sex === 'M' || sex === 'F' ? sex : 'X',
      expiryDate: yymmddToIso(l2.slice(8, 14), 2099),
      nationality: l2.slice(15, 18).replace(/</g, ''),
      issuingState: l1.slice(2, 5).replace(/</g, ''),
      lastName: (result.fields.lastName ?? '').trim(),
      firstNames: (result.fields.firstName ?? '').trim(),
    },
  };
}
