import { describe, expect, it } from 'vitest';
import { getOutboxItem } from '../../src/storage/outboxSupervision';
import { applyPushResults, nextBatch, pendingSummary } from '../../src/storage/outboxSync';
import { purgePersonalData } from '../../src/storage/retention';
import { prepareResendAfterServerRestore } from '../../src/storage/serverRestore';
import { applyChanges } from '../../src/storage/statuses';
import { META_KEYS } from '../../src/storage/meta';
import { DAY, T0, enqueueMany, freshDb } from './support';

describe('preparing to resend after the back office was restored from an older backup', () => {
  it('puts every synced item that still holds its personal data back in the queue, counts those that no longer can, and restarts the pull', async () => {
    const db = freshDb();
    const [purgedOne, kept, queued] = await enqueueMany(db, 3);
    await nextBatch(db, 2);
    await applyPushResults(db, [
      { id: purgedOne!.id, outcome: 'accepted' },
      { id: kept!.id, outcome: 'duplicate' },
    ], T0);
    await applyChanges(db, [{ seq: 7, requestId: purgedOne!.id, trackingCode: purgedOne!.trackingCode, status: 'collected', reason: null, changedAt: new Date(T0).toISOString() }], 7);
    expect((await purgePersonalData(db, { retentionDays: 10, now: T0 + 11 * DAY })).purged).toBe(1);

    expect(await prepareResendAfterServerRestore(db)).toEqual({ requeued: 1, unrecoverable: 1 });

    // The item with its data is pending again, with the attempt the back office had accepted still counted.
    expect(await getOutboxItem(db, kept!.id)).toMatchObject({ state: 'queued', attempts: 1, lastError: 'serverRestored' });
    expect(await getOutboxItem(db, purgedOne!.id)).toMatchObject({ state: 'synced', request: null });
    expect(await getOutboxItem(db, queued!.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await pendingSummary(db)).toEqual({ count: 2, oldestCreatedAt: kept!.createdAt });
    expect(await db.acks.count()).toBe(0);
    expect((await db.meta.get(META_KEYS.pullCursor))?.value).toBe(0);
    expect((await db.statuses.get(purgedOne!.id))?.seq).toBe(0);
  });

  it('sends the requeued items again in kiosk-sequence order', async () => {
    const db = freshDb();
    const items = await enqueueMany(db, 3);
    await nextBatch(db, 3);
    await applyPushResults(db, items.map((item) => ({ id: item.id, outcome: 'accepted' as const })), T0);
    await prepareResendAfterServerRestore(db);
    expect((await nextBatch(db, 10)).map((item) => item.id)).toEqual(items.map((item) => item.id));
  });
});
