import { formatTrackingCode, randomKioskPrefix } from '../domain/trackingCode';
import type { CitizenRequest } from '../domain/request';
import { LOCAL_STATES, type LocalState } from '../domain/status';
import type { ShubbakDb, OutboxItem, OutboxRecord } from './db';
import { META_KEYS, type StorageErrorRecord } from './meta';
import { inFlightIds } from './inFlight';
import { presentItem } from './outboxLayout';
import { pendingAmong, presentRecord, presentRecords, storedCounts, withOutcome } from './outboxStates';

export interface RequestStampInput {
  kioskSeq: number;
  trackingCode: string;
}

/** Raised when the browser refuses the write (quota, disk): the caller shows a clear message. */
export class OutboxWriteError extends Error {
  constructor(
    readonly reason: 'quota' | 'storage',
    cause: unknown,
  ) {
    super(`outbox write failed: ${reason}`, { cause });
    this.name = 'OutboxWriteError';
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/**
 * Writes a citizen's request to the outbox in ONE strict-durability transaction that also takes
 * the next kiosk sequence number and tracking code, so that a crash leaves either nothing or the
 * whole request with its code. Resolves only when the browser has committed it: the receipt may
 * be shown after this and not before.
 *
 * `build` turns the stamp into the request (it must be pure and synchronous-friendly).
 */
export async function enqueueRequest(
  db: ShubbakDb,
  build: (stamp: RequestStampInput) => CitizenRequest,
  now: () => number = Date.now,
): Promise<OutboxItem> {
  try {
    return await db.transaction('rw', db.meta, db.outbox, db.pending, async () => {
      const prefixRecord = await db.meta.get(META_KEYS.trackingPrefix);
      let prefix = prefixRecord?.value as string | undefined;
      if (!prefix) {
        prefix = randomKioskPrefix();
        await db.meta.put({ key: META_KEYS.trackingPrefix, value: prefix });
      }
      const last = ((await db.meta.get(META_KEYS.kioskSeq))?.value as number | undefined) ?? 0;
      const kioskSeq = last + 1;
      const request = build({ kioskSeq, trackingCode: formatTrackingCode(prefix, kioskSeq) });
      const record: OutboxRecord = {
        id: request.id,
        kioskSeq,
        trackingCode: request.trackingCode,
        serviceId: request.serviceId,
        request,
        createdAt: now(),
        attempts: 0,
        lastError: null,
        lastAttemptAt: null,
        rejection: null,
      };
      await db.meta.put({ key: META_KEYS.kioskSeq, value: kioskSeq });
      await db.outbox.add(record);
      await db.pending.add({ kioskSeq, id: record.id });
      await db.meta.delete(META_KEYS.lastStorageError);
      return presentItem(record, { pending: true, onWire: false });
    });
  } catch (error) {
    const failure = new OutboxWriteError(isQuotaError(error) ? 'quota' : 'storage', error);
    await recordStorageError(db, { reason: failure.reason, at: now() });
    throw failure;
  }
}

/** Best effort: with the disk full this write may fail too, and the citizen's error must still surface. */
async function recordStorageError(db: ShubbakDb, record: StorageErrorRecord): Promise<void> {
  try {
    await db.meta.put({ key: META_KEYS.lastStorageError, value: record });
  } catch {
    // The supervisor then learns of it from the citizen's error screen, which does not depend on this write.
  }
}

export async function findByTrackingCode(db: ShubbakDb, trackingCode: string): Promise<OutboxItem | undefined> {
  return db.transaction('r', db.outbox, db.pending, db.meta, async () => presentRecord(db, await db.outbox.where('trackingCode').equals(trackingCode).first()));
}

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

async function storedPage(db: ShubbakDb, page: OutboxPage): Promise<OutboxRecord[]> {
  const { offset, limit } = page;
  const wanted = new Set(page.states);
  const everything = wanted.size === 0 || LOCAL_STATES.every((state) => wanted.has(state) || (state === 'sending' && wanted.has('queued')) || (state === 'queued' && wanted.has('sending')));
  if (everything) return db.outbox.orderBy('kioskSeq').reverse().offset(offset).limit(limit).toArray();
  const newest = offset + limit;
  const groups: Promise<number[]>[] = [];
  if (wanted.has('queued') || wanted.has('sending')) groups.push(newestPendingSeqs(db, newest));
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
