import type { LocalState } from '../domain/status';
import type { StatusProof } from '../domain/statusProof';
import type { StatusChange } from '../domain/syncProtocol';
import { normalizeTrackingCode } from '../domain/trackingCode';
import type { ShubbakDb, StatusRecord } from './db';
import { META_KEYS, readMeta } from './meta';
import { presentRecord } from './outboxStates';

/**
 * Remote statuses pulled from the back office. The server's sequence orders them, never a
 * clock: a change older than the stored one for the same request is ignored.
 */

/** Stores the changes and the new cursor in ONE transaction, so a crash cannot skip or half-apply a page. */
export async function applyChanges(db: ShubbakDb, changes: readonly StatusChange[], newCursor: number): Promise<number> {
  return db.transaction('rw', db.statuses, db.meta, async () => {
    const stored = await db.statuses.bulkGet(changes.map((change) => change.requestId));
    const latest = new Map<string, StatusRecord>();
    changes.forEach((change, index) => {
      const known = latest.get(change.requestId) ?? stored[index];
      if (known && known.seq >= change.seq) return;
      latest.set(change.requestId, { ...change });
    });
    // A tracking code is unique: a record under another id with the same code is a stale copy.
    const records = [...latest.values()];
    const codes = records.map((record) => record.trackingCode);
    const clashing = await db.statuses.where('trackingCode').anyOf(codes).toArray();
    const stale = clashing.filter((old) => !latest.has(old.requestId)).map((old) => old.requestId);
    if (stale.length) await db.statuses.bulkDelete(stale);
    await db.statuses.bulkPut(records);
    await db.meta.put({ key: META_KEYS.pullCursor, value: newCursor });
    return records.length;
  });
}

export async function readPullCursor(db: ShubbakDb): Promise<number> {
  return readMeta(db, META_KEYS.pullCursor, 0);
}

export interface RequestLookup {
  /** The kiosk's own state of the request, or null when this kiosk did not take it. */
  local: LocalState | null;
  /** What opens the status: from the kiosk's own copy of the request, else from the back office's feed. */
  proof: StatusProof | null;
  serviceId: string | null;
  /** The last status pulled from the back office, or null when none arrived yet. */
  remote: StatusRecord | null;
}

/** For the citizen's "check a request" screen: accepts what a person typed (case, spaces, O/0, I/1). */
export async function statusByTrackingCode(db: ShubbakDb, code: string): Promise<RequestLookup> {
  const trackingCode = normalizeTrackingCode(code);
  return db.transaction('r', [db.outbox, db.pending, db.meta, db.statuses], async () => {
    const [item, remote] = await Promise.all([
      db.outbox.where('trackingCode').equals(trackingCode).first().then((record) => presentRecord(db, record)),
      db.statuses.where('trackingCode').equals(trackingCode).first(),
    ]);
    const proof = item?.request?.statusProof ?? remote?.proof ?? null;
    return { local: item?.state ?? null, serviceId: item?.serviceId ?? null, remote: remote ?? null, proof };
  });
}
