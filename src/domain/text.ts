import { z } from 'zod';

/**
 * The one rule for free text, shared by kiosk, back office and console: what a person typed
 * (a name, a field, a kiosk label, a refusal reason) is stored only in its cleaned form.
 *
 * Cleaning: Unicode NFC, Arabic presentation forms folded to the ordinary letters (a name
 * typed with a legacy keyboard must match the same name typed on the kiosk), trimmed.
 * Refused: control characters (Cc, which includes NUL and the ESC of terminal escapes),
 * format characters (Cf: bidi overrides and isolates, zero-width characters, the BOM),
 * unpaired surrogates (Cs), line and paragraph separators, and, where a name is required,
 * text without one visible letter (tatweel or Hangul fillers alone are not a name).
 */
export interface FreeTextRule {
  /** Maximum length of the cleaned value, in UTF-16 code units (what the database and zod count). */
  max: number;
  /** A name or label: at least one visible letter. */
  letterRequired?: boolean;
}

export type FreeTextErrorCode = 'empty' | 'tooLong' | 'forbiddenCharacter' | 'noLetter';

export type FreeTextResult = { ok: true; value: string } | { ok: false; code: FreeTextErrorCode; max: number };

/**
 * Cleaning can only shrink text by folding and trimming, except that a few presentation-form
 * ligatures expand (U+FDFA becomes 18 letters). Anything longer than this before cleaning is
 * refused without being looked at, so the cost of the rule is bounded by the rule, not the body.
 */
const RAW_LENGTH_FACTOR = 4;

const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const ARABIC_PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]/gu;
/** Letters by category that draw nothing on their own: tatweel (U+0640) and the Hangul fillers. */
const INVISIBLE_LETTERS = /[\u0640\u115F\u1160\u3164\uFFA0]/gu;
const LETTER = /\p{L}/u;

export function checkFreeText(raw: string, rule: FreeTextRule): FreeTextResult {
  const { max } = rule;
  if (raw.length > max * RAW_LENGTH_FACTOR) return { ok: false, code: 'tooLong', max };
  const value = raw
    .normalize('NFC')
    .replace(ARABIC_PRESENTATION_FORMS, (form) => form.normalize('NFKC'))
    .trim();
  // After trimming: a tab or newline around the text is cleaning, inside it is refused.
  if (FORBIDDEN.test(value)) return { ok: false, code: 'forbiddenCharacter', max };
  if (value === '') return { ok: false, code: 'empty', max };
  if (value.length > max) return { ok: false, code: 'tooLong', max };
  if (rule.letterRequired && !LETTER.test(value.replace(INVISIBLE_LETTERS, ''))) return { ok: false, code: 'noLetter', max };
  return { ok: true, value };
}

/** True when a stored value is exactly what the rule would have stored (used by the hostile suite on a database). */
export function isCleanFreeText(value: string, rule: FreeTextRule): boolean {
  const checked = checkFreeText(value, rule);
  return checked.ok && checked.value === value;
}

/**
 * The rule as a zod schema that outputs the cleaned value, so a route stores what it validated.
 * The issue's message is the error code; `params` carries the code and the bound for translation.
 */
export function freeTextSchema(rule: FreeTextRule) {
  return z.string().transform((raw, ctx) => {
    const checked = checkFreeText(raw, rule);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.code, params: { code: checked.code, max: checked.max } });
    return z.NEVER;
  });
}

const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/**
 * Makes every character the rule refuses visible as `\u{…}`, for text that must be kept as a
 * trace rather than refused (an audit detail) and for what a terminal prints: an ANSI escape
 * sequence in a kiosk label is shown as `\u{1b}[31m`, never executed by the operator's terminal.
 */
export function escapeInvisible(text: string): string {
  return text.replace(FORBIDDEN_ALL, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
