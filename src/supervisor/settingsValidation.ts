import { backofficeUrlProblem, SECURE_ONLY, type BackofficeUrlPolicy } from '../domain/backofficeUrl';
import { kioskSettingsSchema, type KioskSettings } from '../domain/settings';
import type { SettingsField } from './types';

export type SettingsValidation =
  | { ok: true; settings: KioskSettings }
  /** Field → zod issue code; each field has one translated message stating its rule. */
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** Error code of a back-office address that is plain http:// to another machine (see backofficeUrl.ts). */
export const INSECURE_BACKOFFICE = 'insecureHttp';

export function validateSettings(candidate: unknown, policy: BackofficeUrlPolicy = SECURE_ONLY): SettingsValidation {
  const parsed = kioskSettingsSchema.safeParse(candidate);
  if (parsed.success) {
    const url = parsed.data.backofficeUrl;
    if (url !== '' && backofficeUrlProblem(url, policy) === 'insecureHttp') return { ok: false, errors: { backofficeUrl: INSECURE_BACKOFFICE } };
    return { ok: true, settings: parsed.data };
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
