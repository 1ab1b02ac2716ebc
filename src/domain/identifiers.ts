import { westernDigits } from './digits';

/**
 * Moroccan identifiers: national identity card (CIN / CNIE) numbers and phone numbers.
 * Pure functions; each `parse…` returns the canonical form or null. Arabic-Indic and Eastern
 * Arabic digits are read as the same digits (see digits.ts).
 */

/** 1–2 letters then 5–6 digits, after trimming and upper-casing. The prefix list is not confirmed, so any letters pass. */
const CIN_PATTERN = /^[A-Z]{1,2}\d{5,6}$/;

export function normalizeCin(raw: string): string {
  return westernDigits(raw).replace(/[\s-]/g, '').toUpperCase();
}

export function parseCin(raw: string): string | null {
  const cin = normalizeCin(raw);
  return CIN_PATTERN.test(cin) ? cin : null;
}

/** Mobile numbers only (06 / 07), as the kiosk texts the citizen; accepts 06…, +2126…, 002126…. */
const MOBILE_PATTERN = /^(?:\+212|00212|0)([67]\d{8})$/;

/** Returns the number in E.164 (`+2126XXXXXXXX`) or null. */
export function parseMoroccanMobile(raw: string): string | null {
  const compact = westernDigits(raw).replace(/[\s.\-()]/g, '');
  const match = MOBILE_PATTERN.exec(compact);
  return match ? `+212${match[1]}` : null;
}

export function isPostalCode(raw: string): boolean {
  return /^\d{5}$/.test(westernDigits(raw).trim());
}
