import { checkFreeText, escapeInvisible, type FreeTextRule } from '../../../src/domain/text';
import type { AuditEntry } from '../store/types';

export const AUDIT_ACTION_RULE: FreeTextRule = { max: 60 };
export const AUDIT_DETAIL_RULE: FreeTextRule = { max: 1000 };

/**
 * An audit entry is a trace of what happened on a kiosk: refusing it would lose the trace (and
 * block the kiosk's audit queue), so text the rule refuses is kept with the refused characters
 * made visible (`\u{1b}`), then cut to the bound. What is stored always passes the rule.
 */
export function cleanAuditText(raw: string, rule: FreeTextRule): string {
  const checked = checkFreeText(raw, rule);
  if (checked.ok) return checked.value;
  if (checked.code === 'empty') return '';
  const escaped = checkFreeText(escapeInvisible(raw).slice(0, rule.max), rule);
  return escaped.ok ? escaped.value : '';
}

export function cleanAuditEntry(entry: AuditEntry): AuditEntry {
  // The action is required: one made only of refused or blank characters is kept as `unknown`.
  return { ...entry, action: cleanAuditText(entry.action, AUDIT_ACTION_RULE) || 'unknown', detail: cleanAuditText(entry.detail, AUDIT_DETAIL_RULE) };
}
