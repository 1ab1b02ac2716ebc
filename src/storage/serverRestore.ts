import type { ShubbakDb } from './db';
import { META_KEYS } from './meta';
import { syncedWithPersonalData } from './outboxStates';

export interface RestoreReport {
  /** Synced items put back in the queue: the server upserts by id, so sending them again is safe. */
  requeued: number;
  /** Synced items that can no longer be re-sent: their personal data was already purged. */
  unrecoverable: number;
}

/**
 * The back office's highest sequence is below the kiosk's cursor: it was restored from an older
 * backup and may have lost requests and status changes. In ONE transaction: every synced item
 * still holding its personal data goes back to `queued`, the pull cursor returns to 0 and the
 * stored statuses lose their sequence numbers (the server's restarted sequence must be able to
 * update them). Never assume the server still has something.
 */
export async function prepareResendAfterServerRestore(db: ShubbakDb): Promise<RestoreReport> {
  return db.transaction('rw', [db.outbox, db.pending, db.acks, db.statuses, db.meta], async () => {
    // Every synced item that still holds its personal data is in an `acks` record (see retention.ts).
    const resend = await syncedWithPersonalData(db, (await db.acks.toArray()).flatMap((ack) => ack.seqs));
    await db.pending.bulkPut(resend.map((row) => ({ kioskSeq: row.kioskSeq, id: row.id })));
    // The accepting attempt was never written to the row (see outboxLayout): it is counted now that the row is pending again.
    await db.outbox.bulkPut(resend.map((row) => ({ ...row, attempts: row.attempts + 1, lastError: 'serverRestored' })));
    await db.acks.clear();
    // Synced items whose personal data is gone: no pending entry, no outcome, no request.
    const stillPending = new Set(await db.pending.toCollection().primaryKeys());
    const unrecoverable = await db.outbox.filter((row) => row.request === null && row.outcome === undefined && !stillPending.has(row.kioskSeq)).count();
    await db.statuses.toCollection().modify({ seq: 0 });
    await db.meta.put({ key: META_KEYS.pullCursor, value: 0 });
    return { requeued: resend.length, unrecoverable };
  });
}
