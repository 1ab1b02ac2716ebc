import type { LocalState } from '../domain/status';
import type { OutboxItem, OutboxRecord, ShubbakDb } from './db';
import { inFlightIds } from './inFlight';
import { pendingAmong, presentRecord, presentRecords, storedCounts, withOutcome } from './outboxStates';

/**
 * The outbox as staff see it and act on it: pages, counts, retry and discard. Apart from
 * outbox.ts, whose enqueue the citizen flow loads up front, so that none of this is in the
 * citizen flow's initial bundle.
 */

export async function getOutboxItem(db: ShubbakDb, id: string): Promise<OutboxItem | undefined> {
  return db.transaction('r', db.outbox, db.pending, db.meta, async () => presentRecord(db, await db.outbox.get(id)));
}

export interface OutboxPage {
  offset: number;
  limit: number;
  /** Only these states; all when absent or empty. */
  states?: readonly LocalState[];
}

/**
 * Newest first (by kiosk sequence, not clock), paged. A filter on `queued` or `sending` selects
 * both, the pending set, and the page shows which of them are on the wire. Reads keys only until
 * the page is known, then fetches the page's rows: fast with 100,000 items.
 */
export async function listOutbox(db: ShubbakDb, page: OutboxPage): Promise<OutboxItem[]> {
  if (page.limit <= 0) return [];
  return db.transaction('r', db.outbox, db.pending, db.meta, async () => presentRecords(db, await storedPage(db, page)));
}

/** The states an item is in once it left the pending set. */
const ENDED_STATES = ['synced', 'rejected', 'discarded'] as const satisfies readonly LocalState[];

async function storedPage(db: ShubbakDb, page: OutboxPage): Promise<OutboxRecord[]> {
  const { offset, limit } = page;
  const wanted = new Set(page.states);
  // `queued` and `sending` are both the pending set: asking for either is asking for it.
  const wantsPending = wanted.has('queued') || wanted.has('sending');
  const everything = wanted.size === 0 || (wantsPending && ENDED_STATES.every((state) => wanted.has(state)));
  if (everything) return db.outbox.orderBy('kioskSeq').reverse().offset(offset).limit(limit).toArray();
  const newest = offset + limit;
  const groups: Promise<number[]>[] = [];
  if (wantsPending) groups.push(newestPendingSeqs(db, newest));
  for (const outcome of ['rejected', 'discarded'] as const) if (wanted.has(outcome)) groups.push(newestWithOutcome(db, outcome, newest));
  if (wanted.has('synced')) groups.push(newestSyncedSeqs(db, newest));
  const seqs = (await Promise.all(groups))
    .flat()
    .sort((a, b) => b - a)
    .slice(offset, offset + limit);
  const records = await db.outbox.where('kioskSeq').anyOf(seqs).toArray();
  return records.sort((a, b) => b.kioskSeq - a.kioskSeq);
}

async function newestPendingSeqs(db: ShubbakDb, count: number): Promise<number[]> {
  return db.pending.reverse().limit(count).primaryKeys();
}

async function newestWithOutcome(db: ShubbakDb, outcome: 'rejected' | 'discarded', count: number): Promise<number[]> {
  const keys = await withOutcome(db, outcome).reverse().limit(count).keys();
  return keys.map((key) => (Array.isArray(key) ? Number(key[1]) : Number.NaN));
}

/** Synced items are the rows neither pending nor ended otherwise: the newest rows, minus those. */
async function newestSyncedSeqs(db: ShubbakDb, count: number): Promise<number[]> {
  const [pending, rejected, discarded] = await Promise.all([
    db.pending.toCollection().primaryKeys(),
    newestWithOutcome(db, 'rejected', Number.POSITIVE_INFINITY),
    newestWithOutcome(db, 'discarded', Number.POSITIVE_INFINITY),
  ]);
  const others = new Set([...pending, ...rejected, ...discarded]);
  const newest = (await db.outbox.orderBy('kioskSeq').reverse().limit(count + others.size).keys()) as number[];
  return newest.filter((seq) => !others.has(seq)).slice(0, count);
}

/** How many items are in `states`, as staff see them: items on the wire count as `sending`, not `queued`. */
export async function countOutbox(db: ShubbakDb, states?: readonly LocalState[]): Promise<number> {
  if (!states?.length) return db.outbox.count();
  const wanted = new Set(states);
  return db.transaction('r', db.outbox, db.pending, db.meta, async () => {
    let count = 0;
    if (wanted.has('queued') || wanted.has('sending')) {
      const pending = await db.pending.count();
      // Every id in the in-flight record is in the pending set (outboxSync keeps it so).
      const onWire = wanted.has('queued') && wanted.has('sending') ? 0 : (await inFlightIds(db)).size;
      count += wanted.has('queued') && wanted.has('sending') ? pending : wanted.has('queued') ? pending - onWire : onWire;
    }
    if (wanted.has('rejected')) count += await withOutcome(db, 'rejected').count();
    if (wanted.has('discarded')) count += await withOutcome(db, 'discarded').count();
    if (wanted.has('synced')) {
      const stored = await storedCounts(db);
      count += stored.total - stored.pending - stored.rejected - stored.discarded;
    }
    return count;
  });
}

/** A supervisor sends a rejected item again (after the back office was fixed). Returns false if it was not rejected. */
export async function retryItem(db: ShubbakDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.pending, async () => {
    const record = await db.outbox.get(id);
    if (record?.outcome !== 'rejected' || record.request === null) return false;
    const { outcome: _rejected, ...queued } = record;
    await db.outbox.put({ ...queued, lastError: null, rejection: null });
    await db.pending.put({ kioskSeq: record.kioskSeq, id });
    return true;
  });
}

/**
 * A supervisor gives up on an item that was not synced: it becomes `discarded` with the reason
 * and its personal data is dropped at once. Synced items are left to the retention purge.
 */
export async function discardItem(db: ShubbakDb, id: string, reason: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.pending, db.meta, async () => {
    // An item on the wire may be accepted at this very moment: it is discarded, if still wanted, once answered.
    if ((await inFlightIds(db)).has(id)) return false;
    const record = await db.outbox.get(id);
    if (!record) return false;
    const pending = (await pendingAmong(db, [record.kioskSeq])).size > 0;
    if (!pending && record.outcome !== 'rejected') return false;
    await db.pending.delete(record.kioskSeq);
    await db.outbox.put({ ...record, outcome: 'discarded', request: null, rejection: { errors: record.rejection?.errors ?? null, reason } });
    return true;
  });
}
