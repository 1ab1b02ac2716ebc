import { describe, expect, it } from 'vitest';
import { applyPushResults, applyThenTakeBatch, nextBatch } from '../../src/storage/outbox';
import { DAY, T0, enqueueMany, freshDb } from './support';

describe('the outbox with two batches in flight', () => {
  it('applies the answers of one batch without touching the next batch already in flight', async () => {
    const db = freshDb();
    const [first, second] = await enqueueMany(db, 4);
    await nextBatch(db, 2);
    await nextBatch(db, 2);
    await applyPushResults(db, [{ id: first!.id, outcome: 'accepted' }], T0 + DAY, [first!.id, second!.id]);
    expect((await db.outbox.orderBy('kioskSeq').toArray()).map((item) => [item.state, item.lastError])).toEqual([
      ['synced', null],
      ['queued', 'noAnswer'],
      ['sending', null],
      ['sending', null],
    ]);
  });

  it('ignores an answer about an item of the batch that is no longer in flight', async () => {
    const db = freshDb();
    const [first] = await enqueueMany(db, 1);
    await nextBatch(db, 1);
    await db.outbox.update(first!.id, { state: 'queued' });
    await applyPushResults(db, [{ id: first!.id, outcome: 'accepted' }], T0, [first!.id]);
    expect(await db.outbox.get(first!.id)).toMatchObject({ state: 'queued', syncedAt: null });
  });

  it('writes the answers of the batch before and takes the next one in flight in the same call', async () => {
    const db = freshDb();
    const [first, second] = await enqueueMany(db, 4);
    await nextBatch(db, 2);
    const next = await applyThenTakeBatch(
      db,
      { ids: [first!.id, second!.id], results: [{ id: first!.id, outcome: 'accepted' }, { id: second!.id, outcome: 'duplicate' }], at: T0 + DAY },
      2,
      T0 + DAY + 1,
    );
    expect(next.map((item) => [item.kioskSeq, item.state, item.attempts, item.lastAttemptAt])).toEqual([
      [3, 'sending', 1, T0 + DAY + 1],
      [4, 'sending', 1, T0 + DAY + 1],
    ]);
    expect((await db.outbox.orderBy('kioskSeq').toArray()).map((item) => [item.state, item.syncedAt])).toEqual([
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
    expect(await applyThenTakeBatch(db, { ids: [first!.id], results: [{ id: first!.id, outcome: 'accepted' }], at: T0 }, 0)).toEqual([]);
    expect((await db.outbox.orderBy('kioskSeq').toArray()).map((item) => item.state)).toEqual(['synced', 'queued']);
  });
});
