import type { PushResult } from '../domain/syncProtocol';
import Dexie from 'dexie';
import type { OutboxItem, RejectionError, ShubbakDb } from './db';
import { readInFlight, type InFlightRecord } from './inFlight';
import { META_KEYS } from './meta';
import { countInStates, inState } from './outboxStates';

/**
 * The outbox as the sync engine sees it. The contract (Workbox lost entries by removing them
 * before the replay): an item leaves the pending set (`queued`) only on the back office's
 * per-item answer about it, which makes it `synced` or `rejected`. Anything else leaves it queued.
 *
 * What is on the wire is recorded once per batch, in the `inFlight` meta record, not by
 * rewriting every item as `sending`: IndexedDB costs about the same per put whatever the row's
 * size, and that second write of each item was half the drain's storage work. The supervisor
 * still sees in-flight items as `sending` (`presentState`). Databases written before this keep
 * `sending` rows; start-up puts them back in the queue like any interrupted batch.
 */

async function writeInFlight(db: ShubbakDb, record: InFlightRecord): Promise<void> {
  // Once nothing is in flight the record goes: the next batch then starts from the oldest queued item again.
  if (record.ids.length === 0) await db.meta.delete(META_KEYS.inFlight);
  else await db.meta.put({ key: META_KEYS.inFlight, value: record });
}

/** Takes `ids` out of the in-flight record (answered, released, or refused on the kiosk). */
async function landInFlight(db: ShubbakDb, ids: Iterable<string>): Promise<void> {
  const record = await readInFlight(db);
  if (!record) return;
  const landed = new Set(ids);
  await writeInFlight(db, { ...record, ids: record.ids.filter((id) => !landed.has(id)) });
}

/**
 * Takes up to `size` queued items in kiosk-sequence order, after those already in flight, and
 * records them in flight, in one transaction. Their rows are not rewritten.
 */
export async function nextBatch(db: ShubbakDb, size: number): Promise<OutboxItem[]> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const record = await readInFlight(db);
    const after = record ? record.lastTakenSeq : Dexie.minKey;
    const items = await db.outbox.where('[state+kioskSeq]').between(['queued', after], ['queued', Dexie.maxKey], false, true).limit(size).toArray();
    const last = items.at(-1);
    if (last) await writeInFlight(db, { ids: [...(record?.ids ?? []), ...items.map((item) => item.id)], lastTakenSeq: last.kioskSeq });
    return items;
  });
}

function toRejectionErrors(errors: PushResult['errors']): RejectionError[] {
  return (errors ?? []).map((error) => ({ path: error.path, code: error.code }));
}

/** Still waiting for an answer: `sending` only in databases written before the in-flight record. */
const isPending = (item: OutboxItem | undefined): item is OutboxItem => item?.state === 'queued' || item?.state === 'sending';

/** The rows of `ids` that still wait for an answer (the drain itself passes the rows as taken, see `stillPending`). */
async function pendingRows(db: ShubbakDb, ids: readonly string[]): Promise<OutboxItem[]> {
  return (await db.outbox.bulkGet([...ids])).filter(isPending);
}

/** A batch as `nextBatch` returned it, rows included, so its answers can be written without reading them again. */
export interface TakenBatch {
  items: readonly OutboxItem[];
}

function isTakenBatch(batch: readonly string[] | TakenBatch | undefined): batch is TakenBatch {
  return batch !== undefined && 'items' in batch;
}

/**
 * The rows of a batch, as taken, that are still queued: only their keys are read (a value read
 * of the batch was a third of the storage work of a drain). A queued row in flight is written
 * by nothing else (discard refuses it, retry and the purge touch other states), so the rows as
 * taken are the rows on disk.
 */
async function stillPending(db: ShubbakDb, items: readonly OutboxItem[]): Promise<OutboxItem[]> {
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return [];
  const range = db.outbox.where('[state+kioskSeq]').between(['queued', first.kioskSeq], ['queued', last.kioskSeq], true, true);
  const queued = new Set(await range.primaryKeys());
  return items.filter((item) => queued.has(item.id));
}

/**
 * Applies the back office's answers to the in-flight items in ONE transaction: accepted and
 * duplicate → `synced`; invalid → `rejected` with the field errors; conflict → `rejected` with
 * reason 'conflict'. In-flight items the answer does not mention stay `queued`, marked 'noAnswer'.
 * Each answered item counts one more attempt. `batch` (the ids that were sent, or the rows as
 * taken) limits this to one batch while the next one is already in flight; without it,
 * everything in flight is the batch.
 */
export async function applyPushResults(
  db: ShubbakDb,
  results: readonly PushResult[],
  now: number = Date.now(),
  batch?: readonly string[] | TakenBatch,
): Promise<void> {
  const byId = new Map(results.filter((r) => r.id !== null).map((r) => [r.id as string, r]));
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const ids = isTakenBatch(batch) ? batch.items.map((item) => item.id) : (batch ?? (await readInFlight(db))?.ids ?? []);
    const answered = isTakenBatch(batch) ? await stillPending(db, batch.items) : await pendingRows(db, ids);
    const updated = answered.map((item): OutboxItem => {
      const attempt = { ...item, attempts: item.attempts + 1, lastAttemptAt: now };
      const result = byId.get(item.id);
      if (!result) return { ...attempt, state: 'queued', lastError: 'noAnswer' };
      switch (result.outcome) {
        case 'accepted':
        case 'duplicate':
          return { ...attempt, state: 'synced', syncedAt: now, retentionFrom: now, lastError: null, rejection: null };
        case 'invalid':
          return { ...attempt, state: 'rejected', lastError: 'invalid', rejection: { errors: toRejectionErrors(result.errors), reason: 'invalid' } };
        case 'conflict':
          return { ...attempt, state: 'rejected', lastError: 'conflict', rejection: { errors: null, reason: 'conflict' } };
      }
    });
    await db.outbox.bulkPut(updated);
    await landInFlight(db, ids);
  });
}

/** The back office's answers to one batch, kept until they are written. */
export interface AnsweredBatch {
  /** What was sent: its ids, or its rows as taken (then they are not read again). */
  sent: readonly string[] | TakenBatch;
  results: readonly PushResult[];
  /** When the answer arrived (epoch ms, kiosk clock). */
  at: number;
}

/**
 * Writes the answers of the batch before (if any) and takes the next `size` queued items in
 * flight, in ONE transaction: the drain pays one commit per batch instead of two.
 */
export async function applyThenTakeBatch(db: ShubbakDb, answered: AnsweredBatch | null, size: number): Promise<OutboxItem[]> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    if (answered) await applyPushResults(db, answered.results, answered.at, answered.sent);
    return size > 0 ? nextBatch(db, size) : [];
  });
}

/**
 * The batch did not get an answer (network, timeout, 5xx…): everything in flight stays queued,
 * with the reason and one more attempt, and the record is cleared so the next batch starts from
 * the oldest queued item. Returns how many items were in flight.
 */
export async function releaseInFlight(db: ShubbakDb, lastError: string, now: number = Date.now()): Promise<number> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const record = await readInFlight(db);
    const inFlight = (await db.outbox.bulkGet(record?.ids ?? [])).filter(isPending);
    await db.outbox.bulkPut(inFlight.map((item) => ({ ...item, state: 'queued' as const, lastError, attempts: item.attempts + 1, lastAttemptAt: now })));
    if (record) await db.meta.delete(META_KEYS.inFlight);
    // Rows an older version of the kiosk marked `sending` before it stopped.
    const legacy = await inState(db, 'sending').modify({ state: 'queued', lastError });
    return inFlight.length + legacy;
  });
}

/** At start-up: a crash mid-sync leaves items in flight; they are queued again (the server's upsert by id makes a resend safe). */
export async function requeueInFlight(db: ShubbakDb, now: number = Date.now()): Promise<number> {
  return releaseInFlight(db, 'interrupted', now);
}

/** A stored item that cannot be sent as it is (failed re-validation, or no personal data left): refused on the kiosk. */
export async function rejectLocally(db: ShubbakDb, id: string, reason: string, errors: RejectionError[] | null): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.update(id, { state: 'rejected', lastError: reason, rejection: { errors, reason } });
    await landInFlight(db, [id]);
  });
}

export interface PendingSummary {
  /** Items not yet acknowledged (queued, whether in flight or not). */
  count: number;
  /** Kiosk-clock time of the earliest pending item, or null when nothing is pending. */
  oldestCreatedAt: number | null;
}

export async function pendingSummary(db: ShubbakDb): Promise<PendingSummary> {
  return db.transaction('r', db.outbox, async () => {
    const count = await countInStates(db, ['queued', 'sending']);
    if (count === 0) return { count, oldestCreatedAt: null };
    // Oldest by kiosk sequence, not by clock: the clock may have jumped since.
    const firsts = await Promise.all(
      (['queued', 'sending'] as const).map((state) => inState(db, state).first()),
    );
    const oldest = firsts.filter((item): item is OutboxItem => item !== undefined).sort((a, b) => a.kioskSeq - b.kioskSeq)[0];
    return { count, oldestCreatedAt: oldest?.createdAt ?? null };
  });
}
