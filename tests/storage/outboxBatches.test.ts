import { describe, expect, it } from 'vitest';
import { inFlightIds } from '../../src/storage/inFlight';
import { getOutboxItem, listOutbox, retryItem } from '../../src/storage/outboxSupervision';
import { applyPushResults, applyThenTakeBatch, nextBatch } from '../../src/storage/outboxSync';
import type { ShubbakDb } from '../../src/storage/db';
import { DAY, T0, enqueueMany, freshDb, storedItems } from './support';

/** States as staff see them, oldest first: an item on the wire is `sending`. */
async function presentedStates(db: ShubbakDb) {
  return (await listOutbox(db, { offset: 0, limit: 100 })).reverse().map((item) => [item.state, item.lastError]);
}

/** The acknowledgement ledger, without its generated keys. */
async function acks(db: ShubbakDb) {
  return (await db.acks.toArray()).map(({ at, seqs }) => ({ at, seqs }));
}

/**
 * What refusing an item on the kiosk leaves on disk (out of the pending set, `rejected` in its
 * row), written behind the sync engine's back: the in-flight record still lists it.
 */
async function refuseBehindTheDrain(db: ShubbakDb, id: string, lastError: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.pending, async () => {
    const row = await db.outbox.get(id);
    await db.pending.delete(row!.kioskSeq);
    await db.outbox.update(id, { outcome: 'rejected', lastError });
  });
}

describe('the outbox with two batches in flight', () => {
  it('applies the answers of one batch without touching the next batch already in flight', async () => {
    const db = freshDb();
    const [first, second] = await enqueueMany(db, 4);
    await nextBatch(db, 2);
    await nextBatch(db, 2);
    await applyPushResults(db, [{ id: first!.id, outcome: 'accepted' }], T0 + DAY, [first!.id, second!.id]);
    expect(await presentedStates(db)).toEqual([
      ['synced', null],
      ['queued', 'noAnswer'],
      ['sending', null],
      ['sending', null],
    ]);
  });

  it('touches only the items of the batch, even those between its first and last', async () => {
    const db = freshDb();
    const [first, second, third, fourth] = await enqueueMany(db, 4);
    await nextBatch(db, 4);
    await applyPushResults(db, [first!, third!, fourth!].map((item) => ({ id: item.id, outcome: 'accepted' as const })), T0, [first!.id, third!.id, fourth!.id]);
    expect(await presentedStates(db)).toEqual([
      ['synced', null],
      ['sending', null],
      ['synced', null],
      ['synced', null],
    ]);
    expect(await inFlightIds(db)).toEqual(new Set([second!.id]));
    expect(await db.pending.toCollection().primaryKeys()).toEqual([2]);
  });

  it('writes the answers from the rows as taken, leaving alone one refused on the kiosk meanwhile', async () => {
    const db = freshDb();
    await enqueueMany(db, 3);
    const taken = await nextBatch(db, 3);
    const [first, second, third] = taken;
    await refuseBehindTheDrain(db, second!.id, 'invalidStored');
    await applyPushResults(db, taken.map((item) => ({ id: item.id, outcome: 'accepted' as const })), T0 + DAY, { items: taken });
    // The accepting attempt is counted, not written: its time is the acknowledgement's, in `acks`.
    expect(await getOutboxItem(db, first!.id)).toEqual({ ...first, state: 'synced', attempts: 1 });
    expect(await getOutboxItem(db, second!.id)).toMatchObject({ state: 'rejected', lastError: 'invalidStored', attempts: 0 });
    expect((await getOutboxItem(db, third!.id))?.state).toBe('synced');
    expect(await acks(db)).toEqual([{ at: T0 + DAY, seqs: [first!.kioskSeq, third!.kioskSeq] }]);
    expect(await db.pending.count()).toBe(0);
    expect(await inFlightIds(db)).toEqual(new Set());
  });

  it('ignores an answer about an item of the batch that is no longer pending', async () => {
    const db = freshDb();
    const [first] = await enqueueMany(db, 1);
    await nextBatch(db, 1);
    await refuseBehindTheDrain(db, first!.id, 'invalidStored');
    const refused = await db.outbox.get(first!.id);
    await applyPushResults(db, [{ id: first!.id, outcome: 'accepted' }], T0, [first!.id]);
    expect(await getOutboxItem(db, first!.id)).toMatchObject({ state: 'rejected', lastError: 'invalidStored', attempts: 0 });
    // Never acknowledged, and its row is not rewritten.
    expect(await acks(db)).toEqual([]);
    expect(await db.outbox.get(first!.id)).toStrictEqual(refused);
    expect(await inFlightIds(db)).toEqual(new Set());
  });

  it('writes the answers of the batch before and takes the next one in flight in the same call', async () => {
    const db = freshDb();
    const [first, second] = await enqueueMany(db, 4);
    await nextBatch(db, 2);
    const next = await applyThenTakeBatch(
      db,
      { sent: [first!.id, second!.id], results: [{ id: first!.id, outcome: 'accepted' }, { id: second!.id, outcome: 'duplicate' }], at: T0 + DAY },
      2,
    );
    expect(next.map((item) => item.kioskSeq)).toEqual([3, 4]);
    expect(await inFlightIds(db)).toEqual(new Set(next.map((item) => item.id)));
    expect((await listOutbox(db, { offset: 0, limit: 10 })).reverse().map((item) => item.state)).toEqual(['synced', 'synced', 'sending', 'sending']);
    // Both synced at the answer's time.
    expect(await acks(db)).toEqual([{ at: T0 + DAY, seqs: [1, 2] }]);
  });

  it('takes nothing when asked for no batch, and still writes the answers', async () => {
    const db = freshDb();
    const [first] = await enqueueMany(db, 2);
    await nextBatch(db, 1);
    expect(await applyThenTakeBatch(db, { sent: [first!.id], results: [{ id: first!.id, outcome: 'accepted' }], at: T0 }, 0)).toEqual([]);
    expect((await storedItems(db)).map((item) => item.state)).toEqual(['synced', 'queued']);
    expect(await inFlightIds(db)).toEqual(new Set());
  });

  it('leaves pending an item a supervisor retried inside the span of a batch when that batch is acknowledged', async () => {
    const db = freshDb();
    const [first, second, third] = await enqueueMany(db, 3);
    await nextBatch(db, 3);
    // The middle one is rejected; the others get no answer and stay pending.
    await applyPushResults(db, [{ id: second!.id, outcome: 'invalid', errors: [{ path: 'identity.cin', code: 'cin' }] }], T0);
    const batch = await nextBatch(db, 3);
    expect(batch.map((item) => item.kioskSeq)).toEqual([1, 3]);
    // While that batch is on the wire, a supervisor sends the rejected item again: seq 2 lies between its first and last.
    expect(await retryItem(db, second!.id)).toBe(true);
    await applyPushResults(db, [first!, third!].map((item) => ({ id: item.id, outcome: 'accepted' as const })), T0 + DAY, { items: batch });
    expect((await storedItems(db)).map((item) => [item.kioskSeq, item.state])).toEqual([
      [1, 'synced'],
      [2, 'queued'],
      [3, 'synced'],
    ]);
    expect(await db.pending.toCollection().primaryKeys()).toEqual([2]);
    expect(await acks(db)).toEqual([{ at: T0 + DAY, seqs: [1, 3] }]);
    expect((await nextBatch(db, 5)).map((item) => item.id)).toEqual([second!.id]);
  });
});
