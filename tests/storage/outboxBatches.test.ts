import { describe, expect, it } from 'vitest';
import { inFlightIds } from '../../src/storage/inFlight';
import { listOutbox } from '../../src/storage/outbox';
import { applyPushResults, applyThenTakeBatch, nextBatch } from '../../src/storage/outboxSync';
import type { ShubbakDb } from '../../src/storage/db';
import { DAY, T0, enqueueMany, freshDb } from './support';

/** States as staff see them, oldest first: an item on the wire is `sending`. */
async function presentedStates(db: ShubbakDb) {
  return (await listOutbox(db, { offset: 0, limit: 100 })).reverse().map((item) => [item.state, item.lastError]);
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
  });

  it('writes the answers from the rows as taken, leaving alone one refused on the kiosk meanwhile', async () => {
    const db = freshDb();
    await enqueueMany(db, 3);
    const taken = await nextBatch(db, 3);
    const [first, second, third] = taken;
    await db.outbox.update(second!.id, { state: 'rejected', lastError: 'invalidStored' });
    await applyPushResults(db, taken.map((item) => ({ id: item.id, outcome: 'accepted' as const })), T0 + DAY, { items: taken });
    expect(await db.outbox.get(first!.id)).toEqual({ ...first, state: 'synced', syncedAt: T0 + DAY, retentionFrom: T0 + DAY, attempts: 1, lastAttemptAt: T0 + DAY });
    expect(await db.outbox.get(second!.id)).toMatchObject({ state: 'rejected', lastError: 'invalidStored', attempts: 0 });
    expect((await db.outbox.get(third!.id))?.state).toBe('synced');
    expect(await inFlightIds(db)).toEqual(new Set());
  });

  it('ignores an answer about an item of the batch that is no longer pending', async () => {
    const db = freshDb();
    const [first] = await enqueueMany(db, 1);
    await nextBatch(db, 1);
    await db.outbox.update(first!.id, { state: 'rejected', lastError: 'invalidStored' });
    await applyPushResults(db, [{ id: first!.id, outcome: 'accepted' }], T0, [first!.id]);
    expect(await db.outbox.get(first!.id)).toMatchObject({ state: 'rejected', syncedAt: null, attempts: 0 });
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
    expect((await listOutbox(db, { offset: 0, limit: 10 })).reverse().map((item) => [item.state, item.syncedAt])).toEqual([
      ['synced', T0 + DAY],
      ['synced', T0 + DAY],
      ['sending', null],
      ['sending', null],
    ]);
  });

  it('takes nothing when asked for no batch, and still writes the answers', async () => {
    const db = freshDb();
    const [first] = await enqueueMany(db, 2);
    await nextBatch(db, 1);
    expect(await applyThenTakeBatch(db, { sent: [first!.id], results: [{ id: first!.id, outcome: 'accepted' }], at: T0 }, 0)).toEqual([]);
    expect((await db.outbox.orderBy('kioskSeq').toArray()).map((item) => item.state)).toEqual(['synced', 'queued']);
  });
});
