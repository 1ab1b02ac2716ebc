import { describe, expect, it } from 'vitest';
import type { RemoteStatus } from '../../src/domain/status';
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
    const before = await db.outbox.get(id);
    await purgePersonalData(db, { retentionDays: RETENTION, now: T0 + 40 * DAY });
    const after = await db.outbox.get(id);
    expect(after).toMatchObject({ id, trackingCode: before?.trackingCode, serviceId: 'life', state: 'synced', syncedAt: T0, request: null });
    expect(after?.retentionFrom).toBeUndefined();
    expect((await db.statuses.get(id))?.status).toBe('collected');
  });

  it.each(['queued', 'sending', 'rejected'] as const)('never purges a %s item, however far the clock jumps', async (state) => {
    const db = freshDb();
    const item = await enqueueSample(db);
    await db.outbox.update(item.id, { state });
    await purgePersonalData(db, { retentionDays: 1, now: T0 + 10_000 * DAY });
    expect((await db.outbox.get(item.id))?.request).not.toBeNull();
  });

  it('brings a retention start in the future back to now, so a clock that was ahead delays the purge by one period at most', async () => {
    const db = freshDb();
    // Synced while the clock said 2099; the clock was then corrected to T0.
    const id = await syncedItem(db, Date.parse('2099-01-01T00:00:00Z'), 'collected');
    expect(await purgePersonalData(db, { retentionDays: RETENTION, now: T0 })).toEqual({ purged: 0, clockCorrected: 1 });
    expect((await db.outbox.get(id))?.retentionFrom).toBe(T0);
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
