import { westernDigits } from '../../domain/digits';

/**
 * A date is typed as day, month, year (the Moroccan order) on a numeric pad and stored as ISO
 * (YYYY-MM-DD) once complete; until then the typed digits are kept as they are, which the domain
 * rejects as `date`. Slashes appear only after a digit follows them, so erasing never gets stuck.
 */
export function dateDisplay(stored: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stored);
  const digits = iso ? `${iso[3]}${iso[2]}${iso[1]}` : westernDigits(stored).replace(/\D/g, '');
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4, 8)}`;
}

export function dateFromDisplay(display: string): string {
  // Arabic-Indic digits from a physical Arabic keyboard count as digits, not as separators.
  const digits = westernDigits(display).replace(/\D/g, '').slice(0, 8);
  if (digits.length < 8) return digits;
  return `${digits.slice(4, 8)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
}

/** The longest display: DD/MM/YYYY. */
export const DATE_DISPLAY_LENGTH = 10;
