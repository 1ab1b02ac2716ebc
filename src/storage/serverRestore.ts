import type { ShubbakDb } from './db';
import { META_KEYS } from './meta';
import { inState } from './outboxStates';

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
  return db.transaction('rw', db.outbox, db.statuses, db.meta, async () => {
    const unrecoverable = await inState(db, 'synced').and((item) => item.request === null).count();
    const requeued = await db.outbox
      .where('retentionFrom')
      .above(-Infinity)
      .modify((item) => {
        item.state = 'queued';
        item.syncedAt = null;
        item.lastError = 'serverRestored';
        delete item.retentionFrom;
      });
    await db.statuses.toCollection().modify({ seq: 0 });
    await db.meta.put({ key: META_KEYS.pullCursor, value: 0 });
    return { requeued, unrecoverable };
  });
}
