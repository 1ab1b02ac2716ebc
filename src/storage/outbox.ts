import { formatTrackingCode, randomKioskPrefix } from '../domain/trackingCode';
import type { CitizenRequest } from '../domain/request';
import type { LocalState } from '../domain/status';
import type { ShubbakDb, OutboxItem } from './db';
import { META_KEYS, type StorageErrorRecord } from './meta';
import { inFlightIds, presentState } from './inFlight';
import { countInStates, inState } from './outboxStates';

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
    return await db.transaction('rw', db.meta, db.outbox, async () => {
      const prefixRecord = await db.meta.get(META_KEYS.trackingPrefix);
      let prefix = prefixRecord?.value as string | undefined;
      if (!prefix) {
        prefix = randomKioskPrefix();
        await db.meta.put({ key: META_KEYS.trackingPrefix, value: prefix });
      }
      const last = ((await db.meta.get(META_KEYS.kioskSeq))?.value as number | undefined) ?? 0;
      const kioskSeq = last + 1;
      const request = build({ kioskSeq, trackingCode: formatTrackingCode(prefix, kioskSeq) });
      const item: OutboxItem = {
        id: request.id,
        kioskSeq,
        trackingCode: request.trackingCode,
        serviceId: request.serviceId,
        state: 'queued',
        request,
        createdAt: now(),
        attempts: 0,
        lastError: null,
        lastAttemptAt: null,
        syncedAt: null,
        rejection: null,
      };
      await db.meta.put({ key: META_KEYS.kioskSeq, value: kioskSeq });
      await db.outbox.add(item);
      await db.meta.delete(META_KEYS.lastStorageError);
      return item;
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
  return db.outbox.where('trackingCode').equals(trackingCode).first();
}

export interface OutboxPage {
  offset: number;
  limit: number;
  /** Only these states; all when absent or empty. */
  states?: readonly LocalState[];
}

/**
 * On disk, an item on the wire is `queued` (see outboxSync): a filter on `queued` or `sending`
 * selects both, the pending set, and the page shows which of them are on the wire.
 */
function storedStates(states: readonly LocalState[]): LocalState[] {
  const pending = states.includes('queued') || states.includes('sending');
  return [...new Set(pending ? [...states, 'queued', 'sending'] : states)] as LocalState[];
}

/**
 * Newest first (by kiosk sequence, not clock), paged, items on the wire shown as `sending`.
 * Reads index keys only until the page is known, then fetches the page's rows: fast with 100,000 items.
 */
export async function listOutbox(db: ShubbakDb, page: OutboxPage): Promise<OutboxItem[]> {
  if (page.limit <= 0) return [];
  return db.transaction('r', db.outbox, db.meta, async () => {
    const [items, inFlight] = await Promise.all([storedPage(db, page), inFlightIds(db)]);
    return items.map((item) => presentState(item, inFlight));
  });
}

async function storedPage(db: ShubbakDb, page: OutboxPage): Promise<OutboxItem[]> {
  const { offset, limit } = page;
  if (!page.states?.length) return db.outbox.orderBy('kioskSeq').reverse().offset(offset).limit(limit).toArray();
  const states = storedStates(page.states);
  if (states.length === 1) {
    const state = states[0]!;
    return inState(db, state).reverse().offset(offset).limit(limit).toArray();
  }
  // Several states: merge the newest `offset + limit` sequence numbers of each state.
  const perState = await Promise.all(
    states.map((state) =>
      inState(db, state).reverse().limit(offset + limit).keys(),
    ),
  );
  const seqs = perState
    .flat()
    .map((key) => (Array.isArray(key) ? Number(key[1]) : Number.NaN))
    .sort((a, b) => b - a)
    .slice(offset, offset + limit);
  const items = await db.outbox.where('kioskSeq').anyOf(seqs).toArray();
  return items.sort((a, b) => b.kioskSeq - a.kioskSeq);
}

/** How many items are in `states`, as staff see them: items on the wire count as `sending`, not `queued`. */
export async function countOutbox(db: ShubbakDb, states?: readonly LocalState[]): Promise<number> {
  if (!states?.length) return db.outbox.count();
  const wanted = new Set(states);
  const onDisk = () => countInStates(db, [...wanted]);
  if (wanted.has('queued') === wanted.has('sending')) return onDisk();
  return db.transaction('r', db.outbox, db.meta, async () => {
    // Every id in the in-flight record is a `queued` row (outboxSync keeps it so).
    const [count, onWire] = await Promise.all([onDisk(), inFlightIds(db)]);
    return wanted.has('queued') ? count - onWire.size : count + onWire.size;
  });
}

/** A supervisor sends a rejected item again (after the back office was fixed). Returns false if it was not rejected. */
export async function retryItem(db: ShubbakDb, id: string): Promise<boolean> {
  const changed = await db.outbox
    .where('id')
    .equals(id)
    .and((item) => item.state === 'rejected' && item.request !== null)
    .modify({ state: 'queued', lastError: null, rejection: null });
  return changed > 0;
}

/**
 * A supervisor gives up on an item that was not synced: it becomes `discarded` with the reason
 * and its personal data is dropped at once. Synced items are left to the retention purge.
 */
export async function discardItem(db: ShubbakDb, id: string, reason: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    // An item on the wire may be accepted at this very moment: it is discarded, if still wanted, once answered.
    if ((await inFlightIds(db)).has(id)) return false;
    const changed = await db.outbox
      .where('id')
      .equals(id)
      .and((item) => item.state === 'queued' || item.state === 'rejected')
      .modify((item) => {
        item.state = 'discarded';
        item.request = null;
        item.rejection = { errors: item.rejection?.errors ?? null, reason };
      });
    return changed > 0;
  });
}
