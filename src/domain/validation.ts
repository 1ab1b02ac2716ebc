import type { FieldDefinition } from './catalogue';
import { westernDigits } from './digits';
import { parseCin, parseMoroccanMobile, isPostalCode } from './identifiers';
import { checkFreeText } from './text';

/**
 * Field validation. An error is a translation key under `validation.` in the locales, so
 * that the citizen reads a sentence in their language next to the field.
 */
export type ValidationErrorCode =
  | 'required'
  | 'tooLong'
  | 'cin'
  | 'phone'
  | 'date'
  | 'dateInFuture'
  | 'dateTooOld'
  | 'dateTooRecent'
  | 'year'
  | 'digits'
  | 'postalCode'
  | 'option'
  | 'arabicScript'
  /** A control, bidi or zero-width character, or a broken surrogate: the shared text rule (text.ts). */
  | 'forbiddenCharacter'
  /** A name made only of tatweel, invisible or filler characters. */
  | 'noLetter';

export interface FieldError {
  /** `identity.cin`, `fields.actNumber`, … */
  path: string;
  code: ValidationErrorCode;
}

/** Ordinary text is bounded so a stuck key cannot fill the outbox. */
export const DEFAULT_MAX_LENGTH = 120;

const ARABIC_SCRIPT = /^[\u0600-\u06FF\u0750-\u077F\s'-]+$/u;

/** `today` is an ISO date (YYYY-MM-DD) passed in: the domain never reads the clock. */
export function checkIsoDate(value: string, today: string): ValidationErrorCode | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'date';
  if (value > today) return 'dateInFuture';
  if (y < Number(today.slice(0, 4)) - 130) return 'dateTooOld';
  return null;
}

/** True when `birth` (ISO) is less than `years` full years before `today` (ISO). */
function youngerThan(birth: string, today: string, years: number): boolean {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const threshold = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return threshold > today;
}

/** Field kinds whose value is made of digits: typed Arabic-Indic or Eastern Arabic digits are read as Western ones. */
const DIGIT_KINDS: ReadonlySet<FieldDefinition['kind']> = new Set(['cin', 'phone', 'date', 'digits', 'year', 'postalCode']);

export interface ValueRule extends Pick<FieldDefinition, 'kind' | 'required' | 'maxLength' | 'options'> {
  /** For a date of birth: a date more recent than this many years ago is refused as `dateTooRecent`. */
  minAgeYears?: number;
  /** For a name: at least one visible letter (the shared text rule's `letterRequired`). */
  letterRequired?: boolean;
}

/** The largest number of characters a field takes: what "too long" tells the citizen. */
export function maxLengthOf(field: Pick<FieldDefinition, 'maxLength'>): number {
  return field.maxLength ?? DEFAULT_MAX_LENGTH;
}

/**
 * Free text (names, addresses, act numbers typed as text) goes through the one rule the back
 * office applies too (src/domain/text.ts): NFC, Arabic presentation forms folded, trimmed, no
 * control, format or broken surrogate character, a visible letter where a name is required.
 */
function checkTypedText(field: Pick<FieldDefinition, 'required' | 'maxLength'> & { letterRequired?: boolean }, raw: string) {
  const checked = checkFreeText(raw, { max: maxLengthOf(field), letterRequired: field.letterRequired === true });
  if (checked.ok) return { ok: true as const, value: checked.value };
  if (checked.code === 'empty') return field.required ? { ok: false as const, code: 'required' as const } : { ok: true as const, value: '' };
  return { ok: false as const, code: checked.code };
}

/** Checks one value; returns the canonical value (E.164 phone, upper-case CIN, trimmed text) or an error. */
export function validateValue(
  field: ValueRule,
  raw: string | undefined,
  today: string,
): { ok: true; value: string } | { ok: false; code: ValidationErrorCode } {
  if (field.kind === 'text' || field.kind === 'arabicText') {
    const checked = checkTypedText(field, raw ?? '');
    if (!checked.ok || checked.value === '' || field.kind === 'text') return checked;
    return ARABIC_SCRIPT.test(checked.value) ? checked : { ok: false, code: 'arabicScript' };
  }
  const trimmed = (raw ?? '').trim();
  const value = DIGIT_KINDS.has(field.kind) ? westernDigits(trimmed) : trimmed;
  if (value === '') return field.required ? { ok: false, code: 'required' } : { ok: true, value: '' };
  if (value.length > maxLengthOf(field)) return { ok: false, code: 'tooLong' };
  switch (field.kind) {
    case 'digits':
      return /^\d+$/.test(value) ? { ok: true, value } : { ok: false, code: 'digits' };
    case 'postalCode':
      return isPostalCode(value) ? { ok: true, value } : { ok: false, code: 'postalCode' };
    case 'cin': {
      const cin = parseCin(value);
      return cin ? { ok: true, value: cin } : { ok: false, code: 'cin' };
    }
    case 'phone': {
      const phone = parseMoroccanMobile(value);
      return phone ? { ok: true, value: phone } : { ok: false, code: 'phone' };
    }
    case 'date': {
      const code = checkIsoDate(value, today);
      if (code) return { ok: false, code };
      if (field.minAgeYears !== undefined && youngerThan(value, today, field.minAgeYears)) return { ok: false, code: 'dateTooRecent' };
      return { ok: true, value };
    }
    case 'year': {
      const year = Number(value);
      const thisYear = Number(today.slice(0, 4));
      if (!/^\d{4}$/.test(value)) return { ok: false, code: 'year' };
      return year <= thisYear && year >= thisYear - 130 ? { ok: true, value } : { ok: false, code: 'year' };
    }
    case 'select':
      return field.options?.some((o) => o.value === value) ? { ok: true, value } : { ok: false, code: 'option' };
    default:
      return missingCase(field.kind);
  }
}

export function missingCase(value: never): never {
  throw new TypeError(`unhandled case: ${String(value)}`);
}
