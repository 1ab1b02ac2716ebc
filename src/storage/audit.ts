import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { AuditRecord, ShubbakDb } from './db';

/**
 * The append-only audit log of supervisor and engine actions. `detail` never holds personal
 * data (ids, counts, setting names only): it leaves the kiosk for the back office.
 * Entries are never edited, except for the `synced` flag set once the back office has them.
 */

export const AUDIT_DETAIL_MAX = 1000;
export const AUDIT_ACTION_MAX = 60;

export async function appendAudit(db: ShubbakDb, action: string, detail: string, now: number = Date.now()): Promise<AuditRecord> {
  const record: AuditRecord = {
    id: uuidv7(),
    at: now,
    action: action.slice(0, AUDIT_ACTION_MAX),
    detail: detail.slice(0, AUDIT_DETAIL_MAX),
    synced: 0,
  };
  await db.audit.add(record);
  return record;
}

/** Newest first; `before` (epoch ms, exclusive) pages further back. */
export async function listAudit(db: ShubbakDb, page: { limit: number; before?: number }): Promise<AuditRecord[]> {
  const range = page.before === undefined ? db.audit.orderBy('at') : db.audit.where('at').below(page.before);
  return range.reverse().limit(page.limit).toArray();
}

/** Oldest first, so the back office receives them in the order they were written. */
export async function unsyncedAudit(db: ShubbakDb, limit: number): Promise<AuditRecord[]> {
  return db.audit.where('[synced+at]').between([0, Dexie.minKey], [0, Dexie.maxKey]).limit(limit).toArray();
}

export async function markAuditSynced(db: ShubbakDb, ids: readonly string[]): Promise<void> {
  await db.audit.where('id').anyOf([...ids]).modify({ synced: 1 });
}
