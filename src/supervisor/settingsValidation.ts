import { kioskSettingsSchema, type KioskSettings } from '../domain/settings';
import type { SettingsField } from './types';

export type SettingsValidation =
  | { ok: true; settings: KioskSettings }
  /** Field → zod issue code; each field has one translated message stating its rule. */
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

export function validateSettings(candidate: unknown): SettingsValidation {
  const parsed = kioskSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
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
