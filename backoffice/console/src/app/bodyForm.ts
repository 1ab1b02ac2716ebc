import { z } from 'zod';
import { bodyKindSchema, isAcceptableEndpoint, MAX_COMMUNES_PER_BODY, newBodyInputSchema, type NewBodyInput } from '../../../../src/domain/routing';
import { checkFreeText, type FreeTextErrorCode, type FreeTextRule } from '../../../../src/domain/text';
import { BODY_NAME, COMMUNE_NAME } from './freeTextRules';

/** The catalogue's `handledBy` words the console names in words; another kind is shown as written. */
export const KNOWN_BODY_KINDS = ['commune-of-birth', 'commune-legalisation-office'] as const;
export type KnownBodyKind = (typeof KNOWN_BODY_KINDS)[number];
export function isKnownBodyKind(kind: string): kind is KnownBodyKind {
  return (KNOWN_BODY_KINDS as readonly string[]).includes(kind);
}

/** What the admin typed in the new body form, as text. */
export interface BodyFormText {
  kind: string;
  nameAr: string;
  nameFr: string;
  /** One commune a line; blank lines ignored. */
  communes: string;
  email: string;
  endpoint: string;
}

export type BodyFormField = keyof BodyFormText;

/** A refused field: a translation key of the console and its values, shown next to the field. */
export interface FieldProblem {
  key: `freeText.${FreeTextErrorCode}` | `directory.problems.${'kind' | 'commune' | 'tooManyCommunes' | 'email' | 'endpoint' | 'contact' | 'invalid'}`;
  values?: Record<string, string | number>;
}

export type BodyFormResult = { ok: true; input: NewBodyInput } | { ok: false; problems: Partial<Record<BodyFormField, FieldProblem>> };

function freeText(raw: string, rule: FreeTextRule): { value: string } | { problem: FieldProblem } {
  const checked = checkFreeText(raw, rule);
  return checked.ok ? { value: checked.value } : { problem: { key: `freeText.${checked.code}`, values: { max: checked.max } } };
}

/**
 * Checks the form with the back office's own rules (src/domain/routing, src/domain/text), so each
 * problem is shown next to its field, translated, before anything is sent; the back office checks
 * again (it trusts nothing).
 */
export function readBodyForm(text: BodyFormText): BodyFormResult {
  const problems: Partial<Record<BodyFormField, FieldProblem>> = {};
  const kind = text.kind.trim();
  if (!bodyKindSchema.safeParse(kind).success) problems.kind = { key: 'directory.problems.kind' };
  const nameAr = freeText(text.nameAr, BODY_NAME);
  if ('problem' in nameAr) problems.nameAr = nameAr.problem;
  const nameFr = freeText(text.nameFr, BODY_NAME);
  if ('problem' in nameFr) problems.nameFr = nameFr.problem;
  const communes: string[] = [];
  for (const line of text.communes.split('\n').filter((candidate) => candidate.trim() !== '')) {
    const commune = freeText(line, COMMUNE_NAME);
    if ('problem' in commune) {
      problems.communes = { key: 'directory.problems.commune', values: { commune: line.trim().slice(0, COMMUNE_NAME.max), max: COMMUNE_NAME.max } };
      break;
    }
    communes.push(commune.value);
  }
  if (communes.length > MAX_COMMUNES_PER_BODY) problems.communes = { key: 'directory.problems.tooManyCommunes', values: { max: MAX_COMMUNES_PER_BODY } };
  const email = text.email.trim();
  if (email !== '' && !z.email().max(254).safeParse(email).success) problems.email = { key: 'directory.problems.email' };
  const endpoint = text.endpoint.trim();
  if (endpoint !== '' && (endpoint.length > 500 || !isAcceptableEndpoint(endpoint))) problems.endpoint = { key: 'directory.problems.endpoint' };
  if (email === '' && endpoint === '') problems.email = { key: 'directory.problems.contact' };
  if (Object.keys(problems).length > 0 || 'problem' in nameAr || 'problem' in nameFr) return { ok: false, problems };

  const input: NewBodyInput = { kind, nameAr: nameAr.value, nameFr: nameFr.value, communes, ...(email ? { email } : {}), ...(endpoint ? { endpoint } : {}) };
  // The contract's own schema has the last word: what passes here passes at the back office.
  if (!newBodyInputSchema.safeParse(input).success) return { ok: false, problems: { kind: { key: 'directory.problems.invalid' } } };
  return { ok: true, input };
}
