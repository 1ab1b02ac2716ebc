import { ShubbakDb } from '../../../src/storage/db';
import { META_KEYS, readMeta } from '../../../src/storage/meta';
import { isKioskPrefix } from '../../../src/domain/trackingCode';
import type { StoredSession } from './sessionStore';

/**
 * The portal's outbox database: the kiosk's schema (outbox, pending set, meta…) under a name of
 * its own, so the SAME outbox and sync code keep a citizen's offline requests. Sent requests are
 * emptied of personal data at the end of each sync cycle (portalSync.ts).
 */
export const PORTAL_DB_NAME = 'shubbak-portal';

export function openPortalDb(name: string = PORTAL_DB_NAME): ShubbakDb {
  return new ShubbakDb(name);
}

/**
 * Hands the session's tracking prefix to the outbox before a request is stored. A new prefix
 * numbers from above the last sequence the back office saw from it; the same prefix keeps
 * counting where the phone was, or above the server's figure if that is higher (a phone whose
 * storage was cleared), so a code is never made twice. Idempotent.
 */
export async function adoptTrackingPrefix(db: ShubbakDb, session: Pick<StoredSession, 'trackingPrefix' | 'lastSeq'>): Promise<void> {
  if (!isKioskPrefix(session.trackingPrefix)) throw new RangeError(`invalid tracking prefix: ${session.trackingPrefix}`);
  await db.transaction('rw', db.meta, async () => {
    const current = await readMeta<string | null>(db, META_KEYS.trackingPrefix, null);
    const localSeq = await readMeta<number>(db, META_KEYS.kioskSeq, 0);
    const nextSeq = current === session.trackingPrefix ? Math.max(localSeq, session.lastSeq) : session.lastSeq;
    if (current === session.trackingPrefix && nextSeq === localSeq) return;
    await db.meta.put({ key: META_KEYS.trackingPrefix, value: session.trackingPrefix });
    await db.meta.put({ key: META_KEYS.kioskSeq, value: nextSeq });
  });
}

/** Where the request with this id is to be collected: kept beside the outbox, sent with it (`{ officeId, request }`). */
export const officeKey = (requestId: string) => `portalOffice:${requestId}`;
/**
 * The holder's token of a request's QR (statusProof.ts): the back office never has it, so "my
 * requests" shows the full QR only on the phone that made the request.
 */
export const statusTokenKey = (trackingCode: string) => `portalStatusToken:${trackingCode}`;

/** After the account is deleted: nothing of it stays on the phone. */
export async function wipePortalData(db: ShubbakDb): Promise<void> {
  await db.transaction('rw', [db.meta, db.outbox, db.pending, db.acks, db.statuses, db.catalogue], async () => {
    await Promise.all([db.outbox.clear(), db.pending.clear(), db.acks.clear(), db.statuses.clear(), db.catalogue.clear(), db.meta.clear()]);
  });
}
