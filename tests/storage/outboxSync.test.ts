import { describe, expect, it } from 'vitest';
import { inFlightIds } from '../../src/storage/inFlight';
import { listOutbox } from '../../src/storage/outbox';
import { applyPushResults, nextBatch, pendingSummary, releaseInFlight, requeueInFlight } from '../../src/storage/outboxSync';
import { DAY, T0, enqueueMany, freshDb } from './support';

describe('the outbox as the sync engine drains it', () => {
  it('takes queued items in kiosk-sequence order and records them in flight, once for the batch, without rewriting them', async () => {
    const db = freshDb();
    const items = await enqueueMany(db, 5);
    const batch = await nextBatch(db, 3);
    expect(batch.map((item) => item.kioskSeq)).toEqual([1, 2, 3]);
    expect(await inFlightIds(db)).toEqual(new Set(items.slice(0, 3).map((item) => item.id)));
    const stored = await db.outbox.orderBy('kioskSeq').toArray();
    expect(stored).toEqual(items);
    // Staff see what is on the wire.
    expect((await listOutbox(db, { offset: 0, limit: 5 })).map((item) => item.state)).toEqual(['queued', 'queued', 'sending', 'sending', 'sending']);
  });

  it('counts an attempt, and when it was, once the attempt has an answer or has failed', async () => {
    const db = freshDb();
    const [answered, failed] = await enqueueMany(db, 2);
    await nextBatch(db, 1);
    await applyPushResults(db, [{ id: answered!.id, outcome: 'accepted' }], T0 + 1000);
    await nextBatch(db, 1);
    await releaseInFlight(db, 'timeout', T0 + 2000);
    expect(await db.outbox.get(answered!.id)).toMatchObject({ attempts: 1, lastAttemptAt: T0 + 1000 });
    expect(await db.outbox.get(failed!.id)).toMatchObject({ attempts: 1, lastAttemptAt: T0 + 2000, lastError: 'timeout' });
  });

  it('never hands out an item that is already in flight', async () => {
    const db = freshDb();
    await enqueueMany(db, 2);
    await nextBatch(db, 1);
    expect((await nextBatch(db, 5)).map((item) => item.kioskSeq)).toEqual([2]);
  });

  it('applies every answer of a batch: synced, rejected with errors, rejected as a conflict, and requeues the unmentioned', async () => {
    const db = freshDb();
    const [accepted, duplicate, invalid, conflict, forgotten] = await enqueueMany(db, 5);
    await nextBatch(db, 5);
    await applyPushResults(
      db,
      [
        { id: accepted!.id, outcome: 'accepted' },
        { id: duplicate!.id, outcome: 'duplicate' },
        { id: invalid!.id, outcome: 'invalid', errors: [{ path: 'identity.cin', code: 'cin' }] },
        { id: conflict!.id, outcome: 'conflict' },
        { id: 'someone-else', outcome: 'accepted' },
      ],
      T0 + DAY,
    );
    const byId = async (id: string) => db.outbox.get(id);
    expect(await byId(accepted!.id)).toMatchObject({ state: 'synced', syncedAt: T0 + DAY, retentionFrom: T0 + DAY });
    expect(await byId(duplicate!.id)).toMatchObject({ state: 'synced', syncedAt: T0 + DAY });
    expect(await byId(invalid!.id)).toMatchObject({
      state: 'rejected',
      rejection: { errors: [{ path: 'identity.cin', code: 'cin' }], reason: 'invalid' },
    });
    expect(await byId(conflict!.id)).toMatchObject({ state: 'rejected', rejection: { errors: null, reason: 'conflict' } });
    expect(await byId(forgotten!.id)).toMatchObject({ state: 'queued', lastError: 'noAnswer' });
    expect(await db.outbox.count()).toBe(5);
  });

  it('puts a batch without answer back in the queue with the reason', async () => {
    const db = freshDb();
    await enqueueMany(db, 3);
    await nextBatch(db, 3);
    expect(await releaseInFlight(db, 'timeout')).toBe(3);
    const stored = await db.outbox.toArray();
    expect(stored.every((item) => item.state === 'queued' && item.lastError === 'timeout' && item.request !== null)).toBe(true);
    expect(await inFlightIds(db)).toEqual(new Set());
    // The next batch starts again from the oldest queued item.
    expect((await nextBatch(db, 5)).map((item) => item.kioskSeq)).toEqual([1, 2, 3]);
  });

  it('requeues at start-up what a crash left in flight, and only that', async () => {
    const db = freshDb();
    const [first] = await enqueueMany(db, 3);
    await nextBatch(db, 2);
    await applyPushResults(db, [{ id: first!.id, outcome: 'accepted' }]);
    await nextBatch(db, 1);
    expect(await requeueInFlight(db)).toBe(1);
    expect((await db.outbox.orderBy('kioskSeq').toArray()).map((item) => item.state)).toEqual(['synced', 'queued', 'queued']);
    expect(await inFlightIds(db)).toEqual(new Set());
  });

  it('requeues at start-up the `sending` rows an older version of the kiosk left on disk', async () => {
    const db = freshDb();
    const [first, second] = await enqueueMany(db, 2);
    await db.outbox.update(first!.id, { state: 'sending', attempts: 1 });
    expect(await requeueInFlight(db)).toBe(1);
    expect(await db.outbox.get(first!.id)).toMatchObject({ state: 'queued', lastError: 'interrupted', attempts: 1 });
    expect((await db.outbox.get(second!.id))?.lastError).toBeNull();
  });

  it('summarises what is pending: count and the creation time of the earliest by sequence', async () => {
    const db = freshDb();
    expect(await pendingSummary(db)).toEqual({ count: 0, oldestCreatedAt: null });
    const items = await enqueueMany(db, 4);
    await nextBatch(db, 1);
    await applyPushResults(db, [{ id: items[0]!.id, outcome: 'accepted' }]);
    await nextBatch(db, 1);
    expect(await pendingSummary(db)).toEqual({ count: 3, oldestCreatedAt: items[1]!.createdAt });
  });
});
