import type { Service } from '../../../src/domain/catalogue';
import type { Identity } from '../../../src/domain/identity';
import type { CitizenRequest } from '../../../src/domain/request';
import { checkFreeText, type FreeTextRule } from '../../../src/domain/text';
import { DEFAULT_MAX_LENGTH } from '../../../src/domain/validation';
import type { WireFieldError } from './fieldErrors';

/** Identity values a person types freely. The CIN, date of birth and phone are already canonical (their own patterns). */
const IDENTITY_TEXT: ReadonlyArray<{ key: keyof Identity; rule: FreeTextRule; optional: boolean }> = [
  { key: 'lastNameLatin', rule: { max: 120, letterRequired: true }, optional: false },
  { key: 'firstNameLatin', rule: { max: 120, letterRequired: true }, optional: false },
  { key: 'lastNameArabic', rule: { max: 120, letterRequired: true }, optional: true },
  { key: 'firstNameArabic', rule: { max: 120, letterRequired: true }, optional: true },
];

/**
 * The request as it will be stored: every free text run through the shared rule, so the
 * database holds the cleaned values (NFC, trimmed, no controls) and never the raw body. An
 * optional name may be empty; a non-empty one must have a letter.
 */
export function cleanRequestText(
  request: CitizenRequest,
  service: Pick<Service, 'fields'>,
): { ok: true; request: CitizenRequest } | { ok: false; errors: WireFieldError[] } {
  const errors: WireFieldError[] = [];
  const identity: Identity = { ...request.identity };
  for (const { key, rule, optional } of IDENTITY_TEXT) {
    const raw = identity[key];
    if (optional && raw === '') continue;
    const checked = checkFreeText(raw, rule);
    if (checked.ok) identity[key] = checked.value;
    else errors.push({ path: `identity.${key}`, code: checked.code });
  }
  const fields: Record<string, string> = {};
  for (const field of service.fields) {
    const raw = request.fields[field.key];
    if (raw === undefined || raw === '') continue;
    const checked = checkFreeText(raw, { max: field.maxLength ?? DEFAULT_MAX_LENGTH });
    if (checked.ok) fields[field.key] = checked.value;
    else errors.push({ path: `fields.${field.key}`, code: checked.code });
  }
  return errors.length ? { ok: false, errors } : { ok: true, request: { ...request, identity, fields } };
}
