import { describe, expect, it } from 'vitest';
import { inFlightIds } from '../../src/storage/inFlight';
import { getOutboxItem, listOutbox } from '../../src/storage/outboxSupervision';
import { applyPushResults, nextBatch, pendingSummary, releaseInFlight, requeueInFlight } from '../../src/storage/outboxSync';
import type { OutboxItem, ShubbakDb } from '../../src/storage/db';
import { DAY, T0, enqueueMany, freshDb, storedItems } from './support';

/** The row an enqueued item was written as: the item without its (derived) state. */
function rowAsEnqueued({ state: _state, ...row }: OutboxItem) {
  return row;
}

/** The acknowledgement ledger, without its generated keys. */
async function acks(db: ShubbakDb) {
  return (await db.acks.toArray()).map(({ at, seqs }) => ({ at, seqs }));
}

/** Everything the outbox stores, raw: rows, pending set, acknowledgements, meta records. */
async function everythingStored(db: ShubbakDb) {
  return { outbox: await db.outbox.toArray(), pending: await db.pending.toArray(), acks: await db.acks.toArray(), meta: await db.meta.toArray() };
}

describe('the outbox as the sync engine drains it', () => {
  it('takes queued items in kiosk-sequence order and records them in flight, once for the batch, without rewriting them', async () => {
    const db = freshDb();
    const items = await enqueueMany(db, 5);
    const batch = await nextBatch(db, 3);
    expect(batch.map((item) => item.kioskSeq)).toEqual([1, 2, 3]);
    expect(await inFlightIds(db)).toEqual(new Set(items.slice(0, 3).map((item) => item.id)));
    const stored = await db.outbox.orderBy('kioskSeq').toArray();
    expect(stored).toStrictEqual(items.map(rowAsEnqueued));
    expect(await db.pending.toCollection().primaryKeys()).toEqual([1, 2, 3, 4, 5]);
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
    // An accepted attempt is counted without being written: when it was is its acknowledgement's time.
    expect(await getOutboxItem(db, answered!.id)).toMatchObject({ state: 'synced', attempts: 1 });
    expect(await acks(db)).toEqual([{ at: T0 + 1000, seqs: [answered!.kioskSeq] }]);
    expect(await getOutboxItem(db, failed!.id)).toMatchObject({ state: 'queued', attempts: 1, lastAttemptAt: T0 + 2000, lastError: 'timeout' });
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
    const byId = async (id: string) => getOutboxItem(db, id);
    expect(await byId(accepted!.id)).toMatchObject({ state: 'synced', attempts: 1 });
    expect(await byId(duplicate!.id)).toMatchObject({ state: 'synced', attempts: 1 });
    // Both synced at the answer's time: that is when their retention starts.
    expect(await acks(db)).toEqual([{ at: T0 + DAY, seqs: [accepted!.kioskSeq, duplicate!.kioskSeq] }]);
    expect(await byId(invalid!.id)).toMatchObject({
      state: 'rejected',
      rejection: { errors: [{ path: 'identity.cin', code: 'cin' }], reason: 'invalid' },
    });
    expect(await byId(conflict!.id)).toMatchObject({ state: 'rejected', rejection: { errors: null, reason: 'conflict' } });
    expect(await byId(forgotten!.id)).toMatchObject({ state: 'queued', lastError: 'noAnswer' });
    expect(await db.outbox.count()).toBe(5);
    expect(await db.pending.toCollection().primaryKeys()).toEqual([forgotten!.kioskSeq]);
  });

  it('puts a batch without answer back in the queue with the reason', async () => {
    const db = freshDb();
    await enqueueMany(db, 3);
    await nextBatch(db, 3);
    expect(await releaseInFlight(db, 'timeout')).toBe(3);
    const stored = await storedItems(db);
    expect(stored).toHaveLength(3);
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
    expect((await storedItems(db)).map((item) => [item.state, item.lastError])).toEqual([
      ['synced', null],
      ['queued', 'interrupted'],
      ['queued', null],
    ]);
    expect(await inFlightIds(db)).toEqual(new Set());
  });

  // `sending` rows an older version of the kiosk left on disk become pending in the schema v4
  // upgrade (upgrade.test.ts): at start-up there is then nothing in flight, and nothing to do.
  it('requeues nothing and writes nothing at start-up when nothing was in flight', async () => {
    const db = freshDb();
    const [first, second] = await enqueueMany(db, 3);
    await nextBatch(db, 2);
    await applyPushResults(db, [
      { id: first!.id, outcome: 'accepted' },
      { id: second!.id, outcome: 'conflict' },
    ]);
    const before = await everythingStored(db);
    expect(await requeueInFlight(db, T0 + DAY)).toBe(0);
    expect(await everythingStored(db)).toStrictEqual(before);
    expect((await storedItems(db)).map((item) => item.state)).toEqual(['synced', 'rejected', 'queued']);
  });

  it('rewrites no row of an acknowledged batch: its keys leave the pending set and one `acks` record lists them', async () => {
    const db = freshDb();
    const items = await enqueueMany(db, 4);
    const asEnqueued = await db.outbox.orderBy('kioskSeq').toArray();
    expect(asEnqueued).toStrictEqual(items.map(rowAsEnqueued));
    const batch = await nextBatch(db, 3);
    let rowWrites = 0;
    const countWrite = () => {
      rowWrites += 1;
    };
    db.outbox.hook('creating', countWrite);
    db.outbox.hook('updating', countWrite);
    db.outbox.hook('deleting', countWrite);
    await applyPushResults(db, batch.map((item) => ({ id: item.id, outcome: 'accepted' as const })), T0 + DAY, { items: batch });
    expect(rowWrites).toBe(0);
    expect(await db.outbox.orderBy('kioskSeq').toArray()).toStrictEqual(asEnqueued);
    expect(await db.pending.toCollection().primaryKeys()).toEqual([4]);
    expect(await db.acks.toArray()).toEqual([{ key: expect.any(Number), at: T0 + DAY, seqs: [1, 2, 3] }]);
    expect((await storedItems(db)).map((item) => item.state)).toEqual(['synced', 'synced', 'synced', 'queued']);
    expect(await inFlightIds(db)).toEqual(new Set());
  });

  it('shows no error on an item accepted after a failed attempt', async () => {
    const db = freshDb();
    const [item] = await enqueueMany(db, 1);
    await nextBatch(db, 1);
    await releaseInFlight(db, 'timeout', T0 + 1000);
    await nextBatch(db, 1);
    await applyPushResults(db, [{ id: item!.id, outcome: 'accepted' }], T0 + 2000);
    expect(await getOutboxItem(db, item!.id)).toMatchObject({ state: 'synced', attempts: 2, lastError: null, rejection: null });
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
