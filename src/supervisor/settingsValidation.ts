import { backofficeUrlProblem, SECURE_ONLY, type BackofficeUrlPolicy } from '../domain/backofficeUrl';
import { kioskSettingsSchema, type KioskSettings } from '../domain/settings';
import { checkFreeText, type FreeTextRule } from '../domain/text';
import type { SettingsField } from './types';

export type SettingsValidation =
  | { ok: true; settings: KioskSettings }
  /** Field → zod issue code; each field has one translated message stating its rule. */
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** Error code of a back-office address that is plain http:// to another machine (see backofficeUrl.ts). */
export const INSECURE_BACKOFFICE = 'insecureHttp';

/**
 * Error codes of the shared text rule (src/domain/text.ts) that a field's own message does not
 * cover: shown with their own translated sentence. "Too long" and "empty" keep the field's rule.
 */
export const TEXT_RULE_ERRORS: ReadonlySet<string> = new Set(['forbiddenCharacter', 'noLetter']);

/** Free-text settings, cleaned and checked by the rule the back office applies too; printed on receipts and shown to staff. */
const TEXT_SETTINGS: ReadonlyArray<{ field: 'officeName' | 'printerName'; rule: FreeTextRule; optional: boolean }> = [
  { field: 'officeName', rule: { max: 120, letterRequired: true }, optional: false },
  { field: 'printerName', rule: { max: 200 }, optional: true },
];

function cleanTextSettings(settings: KioskSettings): SettingsValidation {
  const cleaned = { ...settings };
  const errors: Partial<Record<SettingsField, string>> = {};
  for (const { field, rule, optional } of TEXT_SETTINGS) {
    if (optional && settings[field].trim() === '') {
      cleaned[field] = '';
      continue;
    }
    const checked = checkFreeText(settings[field], rule);
    if (checked.ok) cleaned[field] = checked.value;
    else errors[field] = TEXT_RULE_ERRORS.has(checked.code) ? checked.code : 'invalid';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings: cleaned };
}

export function validateSettings(candidate: unknown, policy: BackofficeUrlPolicy = SECURE_ONLY): SettingsValidation {
  const parsed = kioskSettingsSchema.safeParse(candidate);
  if (parsed.success) {
    const url = parsed.data.backofficeUrl;
    if (url !== '' && backofficeUrlProblem(url, policy) === 'insecureHttp') return { ok: false, errors: { backofficeUrl: INSECURE_BACKOFFICE } };
    return cleanTextSettings(parsed.data);
  }
  const errors: Partial<Record<SettingsField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && errors[field as SettingsField] === undefined) {
      errors[field as SettingsField] = issue.code;
    }
  }
  return { ok: false, errors };
}

/** Names only: values may be sensitive (a URL, a printer name) and the audit log leaves the kiosk. */
export function changedSettings(before: KioskSettings, after: KioskSettings): SettingsField[] {
  return (Object.keys(after) as SettingsField[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
