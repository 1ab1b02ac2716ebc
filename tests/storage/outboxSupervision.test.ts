import { describe, expect, it } from 'vitest';
import { inFlightIds } from '../../src/storage/inFlight';
import { countOutbox, discardItem, getOutboxItem, listOutbox, retryItem } from '../../src/storage/outboxSupervision';
import { applyPushResults, nextBatch } from '../../src/storage/outboxSync';
import type { ShubbakDb } from '../../src/storage/db';
import { enqueueMany, freshDb } from './support';

/** 12 items: seq 1–4 synced, 5–6 rejected, 7 in flight, 8–12 queued. */
async function mixedOutbox(): Promise<{ db: ShubbakDb; ids: string[] }> {
  const db = freshDb();
  const items = await enqueueMany(db, 12);
  await nextBatch(db, 6);
  await applyPushResults(db, [
    ...items.slice(0, 4).map((item) => ({ id: item.id, outcome: 'accepted' as const })),
    ...items.slice(4, 6).map((item) => ({ id: item.id, outcome: 'invalid' as const, errors: [{ path: 'serviceId', code: 'unknownService' }] })),
  ]);
  await nextBatch(db, 1);
  return { db, ids: items.map((item) => item.id) };
}

describe('the outbox as a supervisor sees it', () => {
  it.each([
    { states: undefined, offset: 0, limit: 5, seqs: [12, 11, 10, 9, 8] },
    { states: undefined, offset: 10, limit: 5, seqs: [2, 1] },
    { states: ['queued'] as const, offset: 1, limit: 3, seqs: [11, 10, 9] },
    { states: ['rejected'] as const, offset: 0, limit: 10, seqs: [6, 5] },
    { states: ['synced', 'rejected'] as const, offset: 1, limit: 3, seqs: [5, 4, 3] },
    { states: ['queued', 'sending'] as const, offset: 4, limit: 10, seqs: [8, 7] },
    { states: ['discarded'] as const, offset: 0, limit: 10, seqs: [] },
  ])('lists $states newest first from $offset, $limit at a time', async ({ states, offset, limit, seqs }) => {
    const { db } = await mixedOutbox();
    const page = await listOutbox(db, { offset, limit, states });
    expect(page.map((item) => item.kioskSeq)).toEqual(seqs);
  });

  it.each([
    { states: undefined, count: 12 },
    { states: ['queued', 'sending'] as const, count: 6 },
    { states: ['queued'] as const, count: 5 },
    { states: ['sending'] as const, count: 1 },
    { states: ['rejected'] as const, count: 2 },
  ])('counts $states: $count', async ({ states, count }) => {
    const { db } = await mixedOutbox();
    expect(await countOutbox(db, states)).toBe(count);
  });

  it('shows the item on the wire as `sending`', async () => {
    const { db } = await mixedOutbox();
    const page = await listOutbox(db, { offset: 4, limit: 3 });
    expect(page.map((item) => [item.kioskSeq, item.state])).toEqual([
      [8, 'queued'],
      [7, 'sending'],
      [6, 'rejected'],
    ]);
  });

  it('sends a rejected item again when a supervisor retries it, and only a rejected one', async () => {
    const { db, ids } = await mixedOutbox();
    expect(await retryItem(db, ids[4]!)).toBe(true);
    expect(await getOutboxItem(db, ids[4]!)).toMatchObject({ state: 'queued', rejection: null, lastError: null });
    expect(await db.pending.get(5)).toEqual({ kioskSeq: 5, id: ids[4] });
    const synced = await db.outbox.get(ids[0]!);
    expect(await retryItem(db, ids[0]!)).toBe(false);
    expect((await getOutboxItem(db, ids[0]!))?.state).toBe('synced');
    expect(await db.outbox.get(ids[0]!)).toStrictEqual(synced);
  });

  it('discards an unsynced item with the reason and drops its personal data at once', async () => {
    const { db, ids } = await mixedOutbox();
    expect(await discardItem(db, ids[5]!, 'citizen came to the counter')).toBe(true);
    const discarded = await getOutboxItem(db, ids[5]!);
    expect(discarded).toMatchObject({ state: 'discarded', request: null, rejection: { reason: 'citizen came to the counter' } });
    expect(discarded?.rejection?.errors).toEqual([{ path: 'serviceId', code: 'unknownService' }]);
    expect(discarded?.trackingCode).toMatch(/^[0-9A-Z]{3}-00006-/);
  });

  it('refuses to discard an item in flight or already synced', async () => {
    const { db, ids } = await mixedOutbox();
    expect(await discardItem(db, ids[6]!, 'x')).toBe(false);
    expect(await discardItem(db, ids[0]!, 'x')).toBe(false);
    expect(await getOutboxItem(db, ids[6]!)).toMatchObject({ state: 'sending', rejection: null });
    expect((await getOutboxItem(db, ids[6]!))?.request).not.toBeNull();
    expect(await getOutboxItem(db, ids[0]!)).toMatchObject({ state: 'synced', rejection: null });
    expect((await getOutboxItem(db, ids[0]!))?.request).not.toBeNull();
    expect(await inFlightIds(db)).toEqual(new Set([ids[6]]));
  });
});
