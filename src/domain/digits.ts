/**
 * Digits as citizens type them. An Arabic keyboard (or a phone's) types Arabic-Indic digits
 * (٠١٢٣٤٥٦٧٨٩, U+0660–U+0669); a Persian or Urdu layout types Eastern Arabic digits
 * (۰۱۲۳۴۵۶۷۸۹, U+06F0–U+06F9). Identifiers, dates and phone numbers are stored with Western
 * digits, so every validator that reads digits normalises first: the citizen is never refused
 * for the digits of their own script.
 */
const ARABIC_INDIC_ZERO = 0x0660;
const EASTERN_ARABIC_ZERO = 0x06f0;
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

export function westernDigits(s: string): string {
  return s.replace(OTHER_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= EASTERN_ARABIC_ZERO ? EASTERN_ARABIC_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}
