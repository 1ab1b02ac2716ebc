import { describe, expect, it } from 'vitest';
import type { RemoteStatus } from '../../src/domain/status';
import { getOutboxItem } from '../../src/storage/outboxSupervision';
import { applyPushResults, nextBatch } from '../../src/storage/outboxSync';
import { purgePersonalData, UNFINISHED_RETENTION_FACTOR } from '../../src/storage/retention';
import { applyChanges } from '../../src/storage/statuses';
import type { ShubbakDb } from '../../src/storage/db';
import { DAY, T0, enqueueSample, freshDb } from './support';

const RETENTION = 30;

/** One item synced at `syncedAt`, with the remote status given (or none pulled yet). */
async function syncedItem(db: ShubbakDb, syncedAt: number, status: RemoteStatus | null) {
  const item = await enqueueSample(db);
  await nextBatch(db, 1);
  await applyPushResults(db, [{ id: item.id, outcome: 'accepted' }], syncedAt);
  if (status) await applyChanges(db, [{ seq: item.kioskSeq, requestId: item.id, trackingCode: item.trackingCode, status, reason: null, changedAt: new Date(syncedAt).toISOString() }], item.kioskSeq);
  return item.id;
}

/** The acknowledgement ledger (when items were synced), without its generated keys. */
async function acks(db: ShubbakDb) {
  return (await db.acks.toArray()).map(({ at, seqs }) => ({ at, seqs }));
}

describe('the retention purge of personal data', () => {
  it.each([
    { case: 'final (collected), retention passed', status: 'collected' as const, ageDays: RETENTION + 1, purged: true },
    { case: 'final (refused), retention passed', status: 'refused' as const, ageDays: RETENTION, purged: true },
    { case: 'final, retention not yet passed', status: 'collected' as const, ageDays: RETENTION - 1, purged: false },
    { case: 'still in review, retention passed', status: 'inReview' as const, ageDays: RETENTION + 1, purged: false },
    { case: 'no status yet, retention passed', status: null, ageDays: RETENTION + 1, purged: false },
    { case: 'still in review for the longer period', status: 'inReview' as const, ageDays: RETENTION * UNFINISHED_RETENTION_FACTOR, purged: true },
  ])('synced, $case: purged = $purged', async ({ status, ageDays, purged }) => {
    const db = freshDb();
    const id = await syncedItem(db, T0, status);
    const report = await purgePersonalData(db, { retentionDays: RETENTION, now: T0 + ageDays * DAY });
    expect(report.purged).toBe(purged ? 1 : 0);
    const item = await db.outbox.get(id);
    expect(item?.request === null).toBe(purged);
  });

  it('keeps the id, tracking code, service, state and remote status of a purged request', async () => {
    const db = freshDb();
    const id = await syncedItem(db, T0, 'collected');
    const before = await getOutboxItem(db, id);
    expect(await acks(db)).toEqual([{ at: T0, seqs: [before!.kioskSeq] }]);
    await purgePersonalData(db, { retentionDays: RETENTION, now: T0 + 40 * DAY });
    const after = await getOutboxItem(db, id);
    expect(after).toEqual({ ...before, request: null });
    expect(after).toMatchObject({ id, trackingCode: before?.trackingCode, serviceId: 'life', state: 'synced', request: null });
    // Nothing left to purge: its acknowledgement record goes with its personal data.
    expect(await acks(db)).toEqual([]);
    expect((await db.statuses.get(id))?.status).toBe('collected');
  });

  it.each(['queued', 'sending', 'rejected'] as const)('never purges a %s item, however far the clock jumps, even one the acks ledger lists', async (state) => {
    const db = freshDb();
    const item = await enqueueSample(db);
    if (state !== 'queued') await nextBatch(db, 1);
    if (state === 'rejected') await applyPushResults(db, [{ id: item.id, outcome: 'conflict' }], T0);
    expect((await getOutboxItem(db, item.id))?.state).toBe(state);
    await db.acks.add({ at: T0, seqs: [item.kioskSeq] });
    await applyChanges(db, [{ seq: 1, requestId: item.id, trackingCode: item.trackingCode, status: 'collected', reason: null, changedAt: new Date(T0).toISOString() }], 1);
    expect((await purgePersonalData(db, { retentionDays: 1, now: T0 + 10_000 * DAY })).purged).toBe(0);
    expect((await db.outbox.get(item.id))?.request).not.toBeNull();
    expect((await getOutboxItem(db, item.id))?.state).toBe(state);
  });

  it('brings a retention start in the future back to now, so a clock that was ahead delays the purge by one period at most', async () => {
    const db = freshDb();
    // Synced while the clock said 2099; the clock was then corrected to T0.
    const id = await syncedItem(db, Date.parse('2099-01-01T00:00:00Z'), 'collected');
    expect(await purgePersonalData(db, { retentionDays: RETENTION, now: T0 })).toEqual({ purged: 0, clockCorrected: 1 });
    expect(await acks(db)).toEqual([{ at: T0, seqs: [(await getOutboxItem(db, id))!.kioskSeq] }]);
    expect((await db.outbox.get(id))?.request).not.toBeNull();
    expect((await purgePersonalData(db, { retentionDays: RETENTION, now: T0 + RETENTION * DAY })).purged).toBe(1);
  });

  it('is not blocked by a purge run while the clock was far in the past', async () => {
    const db = freshDb();
    const id = await syncedItem(db, T0, 'collected');
    // The clock falls back to 1970 for a while: nothing is due, and nothing is remembered that could block later purges.
    await purgePersonalData(db, { retentionDays: RETENTION, now: 0 });
    expect((await db.outbox.get(id))?.request).not.toBeNull();
    expect((await purgePersonalData(db, { retentionDays: RETENTION, now: T0 + (RETENTION + 1) * DAY })).purged).toBe(1);
  });

  it('purges early, but only synced items, when the clock jumps days ahead', async () => {
    const db = freshDb();
    const synced = await syncedItem(db, T0, 'collected');
    const queued = await enqueueSample(db);
    await purgePersonalData(db, { retentionDays: RETENTION, now: T0 + 365 * DAY });
    expect((await db.outbox.get(synced))?.request).toBeNull();
    expect((await db.outbox.get(queued.id))?.request).not.toBeNull();
  });
});
