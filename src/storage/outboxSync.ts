import type { PushResult } from '../domain/syncProtocol';
import type { OutboxItem, OutboxRecord, PendingEntry, RejectionError, ShubbakDb } from './db';
import { readInFlight, type InFlightRecord } from './inFlight';
import { META_KEYS } from './meta';
import { presentItem, toRecord } from './outboxLayout';
import { pendingAmong } from './outboxStates';

/**
 * The outbox as the sync engine sees it. The contract (Workbox lost entries by removing them
 * before the replay): an item leaves the pending set only on the back office's per-item answer
 * about it, which makes it `synced` or `rejected`. Anything else leaves it pending.
 *
 * Nothing here rewrites the row of an item that goes through (see `OutboxRecord`): IndexedDB
 * costs about the same per write whatever its size, so a drain that wrote each acknowledged row
 * spent most of its time there. What is on the wire is one `inFlight` meta record per batch; an
 * acknowledged batch is one range deleted from the `pending` store and one `acks` record. Rows
 * are written only for what went wrong: a rejection, a missing answer, a failed attempt.
 */

async function writeInFlight(db: ShubbakDb, record: InFlightRecord): Promise<void> {
  // Once nothing is in flight the record goes: the next batch then starts from the oldest pending item again.
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

/** The rows of pending entries: a backlog is mostly consecutive sequence numbers, read as one range. */
async function rowsOf(db: ShubbakDb, entries: readonly PendingEntry[]): Promise<OutboxRecord[]> {
  const first = entries[0];
  const last = entries.at(-1);
  if (!first || !last) return [];
  if (last.kioskSeq - first.kioskSeq + 1 === entries.length) {
    return db.outbox.where('kioskSeq').between(first.kioskSeq, last.kioskSeq, true, true).toArray();
  }
  return (await db.outbox.bulkGet(entries.map((entry) => entry.id))).filter((row): row is OutboxRecord => row !== undefined);
}

/**
 * Takes up to `size` pending items in kiosk-sequence order, after those already in flight, and
 * records them in flight, in one transaction. Their rows are not rewritten.
 */
export async function nextBatch(db: ShubbakDb, size: number): Promise<OutboxItem[]> {
  return db.transaction('rw', [db.outbox, db.pending, db.meta], async () => {
    const record = await readInFlight(db);
    const after = record ? db.pending.where(':id').above(record.lastTakenSeq) : db.pending.toCollection();
    const entries = await after.limit(size).toArray();
    const last = entries.at(-1);
    if (!last) return [];
    const rows = await rowsOf(db, entries);
    await writeInFlight(db, { ids: [...(record?.ids ?? []), ...entries.map((entry) => entry.id)], lastTakenSeq: last.kioskSeq });
    return rows.map((row) => presentItem(row, { pending: true, onWire: true }));
  });
}

function toRejectionErrors(errors: PushResult['errors']): RejectionError[] {
  return (errors ?? []).map((error) => ({ path: error.path, code: error.code }));
}

/** A batch as `nextBatch` returned it, rows included, so its answers can be written without reading them again. */
export interface TakenBatch {
  items: readonly OutboxItem[];
}

function isTakenBatch(batch: readonly string[] | TakenBatch | undefined): batch is TakenBatch {
  return batch !== undefined && 'items' in batch;
}

/** The pending sequence numbers between the first and the last of `seqs`: keys only. */
async function pendingSpan(db: ShubbakDb, seqs: readonly number[]): Promise<number[]> {
  if (seqs.length === 0) return [];
  return db.pending.where(':id').between(Math.min(...seqs), Math.max(...seqs), true, true).primaryKeys();
}

/**
 * Takes `leaving` out of the pending set. When they are all the pending keys of their span (a
 * batch nobody touched meanwhile), that is one range delete; otherwise one delete per key, so
 * an item put back in the queue inside the span (a retry) stays pending.
 */
async function leavePending(db: ShubbakDb, leaving: readonly number[], span: readonly number[]): Promise<void> {
  if (leaving.length === 0) return;
  if (leaving.length === span.length) await db.pending.where(':id').between(Math.min(...leaving), Math.max(...leaving), true, true).delete();
  else await db.pending.bulkDelete([...leaving]);
}

/**
 * Applies the back office's answers to the in-flight items in ONE transaction: accepted and
 * duplicate → `synced` (they leave the pending set, and their acknowledgement time is recorded
 * for the retention); invalid → `rejected` with the field errors; conflict → `rejected` with
 * reason 'conflict'. In-flight items the answer does not mention stay pending, marked 'noAnswer'.
 * `batch` (the ids that were sent, or the rows as taken) limits this to one batch while the next
 * one is already in flight; without it, everything in flight is the batch.
 */
export async function applyPushResults(
  db: ShubbakDb,
  results: readonly PushResult[],
  now: number = Date.now(),
  batch?: readonly string[] | TakenBatch,
): Promise<void> {
  const byId = new Map(results.filter((r) => r.id !== null).map((r) => [r.id as string, r]));
  await db.transaction('rw', [db.outbox, db.pending, db.acks, db.meta], async () => {
    const ids = isTakenBatch(batch) ? batch.items.map((item) => item.id) : (batch ?? (await readInFlight(db))?.ids ?? []);
    // A pending row in flight is written by nothing else (discard refuses it, retry and the purge
    // touch other states), so the rows as taken are the rows on disk: only keys are read again.
    const sent = isTakenBatch(batch) ? batch.items.map(toRecord) : (await db.outbox.bulkGet([...ids])).filter((row): row is OutboxRecord => row !== undefined);
    const span = await pendingSpan(db, sent.map((row) => row.kioskSeq));
    const stillPending = new Set(span);
    const acknowledged: number[] = [];
    const rejected: number[] = [];
    const rewritten: OutboxRecord[] = [];
    for (const row of sent) {
      if (!stillPending.has(row.kioskSeq)) continue;
      const result = byId.get(row.id);
      const attempt = { ...row, attempts: row.attempts + 1, lastAttemptAt: now };
      if (!result) {
        rewritten.push({ ...attempt, lastError: 'noAnswer' });
      } else if (result.outcome === 'accepted' || result.outcome === 'duplicate') {
        acknowledged.push(row.kioskSeq);
      } else {
        const rejection = result.outcome === 'invalid' ? { errors: toRejectionErrors(result.errors), reason: 'invalid' } : { errors: null, reason: 'conflict' };
        rewritten.push({ ...attempt, outcome: 'rejected', lastError: result.outcome, rejection });
        rejected.push(row.kioskSeq);
      }
    }
    // Each sequence number once: a repeated one would make the range-delete test in `leavePending` lie.
    await leavePending(db, [...new Set([...acknowledged, ...rejected])], span);
    if (rewritten.length > 0) await db.outbox.bulkPut(rewritten);
    if (acknowledged.length > 0) await db.acks.add({ at: now, seqs: acknowledged });
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
 * Writes the answers of the batch before (if any) and takes the next `size` pending items in
 * flight, in ONE transaction: the drain pays one commit per batch instead of two.
 */
export async function applyThenTakeBatch(db: ShubbakDb, answered: AnsweredBatch | null, size: number): Promise<OutboxItem[]> {
  return db.transaction('rw', [db.outbox, db.pending, db.acks, db.meta], async () => {
    if (answered) await applyPushResults(db, answered.results, answered.at, answered.sent);
    return size > 0 ? nextBatch(db, size) : [];
  });
}

/**
 * The batch did not get an answer (network, timeout, 5xx…): everything in flight stays pending,
 * with the reason and one more attempt, and the record is cleared so the next batch starts from
 * the oldest pending item. Returns how many items were in flight.
 */
export async function releaseInFlight(db: ShubbakDb, lastError: string, now: number = Date.now()): Promise<number> {
  return db.transaction('rw', [db.outbox, db.pending, db.meta], async () => {
    const record = await readInFlight(db);
    if (!record) return 0;
    const rows = (await db.outbox.bulkGet(record.ids)).filter((row): row is OutboxRecord => row !== undefined);
    const pending = await pendingAmong(db, rows.map((row) => row.kioskSeq));
    const inFlight = rows.filter((row) => pending.has(row.kioskSeq));
    await db.outbox.bulkPut(inFlight.map((row) => ({ ...row, lastError, attempts: row.attempts + 1, lastAttemptAt: now })));
    await db.meta.delete(META_KEYS.inFlight);
    return inFlight.length;
  });
}

/** At start-up: a crash mid-sync leaves items in flight; they are queued again (the server's upsert by id makes a resend safe). */
export async function requeueInFlight(db: ShubbakDb, now: number = Date.now()): Promise<number> {
  return releaseInFlight(db, 'interrupted', now);
}

/** A stored item that cannot be sent as it is (failed re-validation, or no personal data left): refused on the kiosk. */
export async function rejectLocally(db: ShubbakDb, id: string, reason: string, errors: RejectionError[] | null): Promise<void> {
  await db.transaction('rw', [db.outbox, db.pending, db.meta], async () => {
    const row = await db.outbox.get(id);
    if (row) {
      await db.pending.delete(row.kioskSeq);
      await db.outbox.put({ ...row, outcome: 'rejected', lastError: reason, rejection: { errors, reason } });
    }
    await landInFlight(db, [id]);
  });
}

export interface PendingSummary {
  /** Items not yet acknowledged (pending, whether in flight or not). */
  count: number;
  /** Kiosk-clock time of the earliest pending item, or null when nothing is pending. */
  oldestCreatedAt: number | null;
}

export async function pendingSummary(db: ShubbakDb): Promise<PendingSummary> {
  return db.transaction('r', db.outbox, db.pending, async () => {
    // Oldest by kiosk sequence, not by clock: the clock may have jumped since.
    const [count, oldest] = await Promise.all([db.pending.count(), db.pending.toCollection().first()]);
    const row = oldest ? await db.outbox.get(oldest.id) : undefined;
    return { count, oldestCreatedAt: row?.createdAt ?? null };
  });
}
