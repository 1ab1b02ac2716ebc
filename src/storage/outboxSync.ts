import type { PushResult } from '../domain/syncProtocol';
import Dexie from 'dexie';
import type { OutboxItem, RejectionError, ShubbakDb } from './db';

/**
 * The outbox as the sync engine sees it. The contract (Workbox lost entries by removing them
 * before the replay): an item is marked `sending` while in flight and becomes `synced` or
 * `rejected` only on the back office's per-item answer. Anything else puts it back in `queued`.
 */

const queuedRange = (db: ShubbakDb) =>
  db.outbox.where('[state+kioskSeq]').between(['queued', Dexie.minKey], ['queued', Dexie.maxKey]);

/** Takes up to `size` queued items in kiosk-sequence order and marks them in flight, in one transaction. */
export async function nextBatch(db: ShubbakDb, size: number, now: number = Date.now()): Promise<OutboxItem[]> {
  return db.transaction('rw', db.outbox, async () => {
    const items = await queuedRange(db).limit(size).toArray();
    const sending = items.map((item) => ({ ...item, state: 'sending' as const, attempts: item.attempts + 1, lastAttemptAt: now }));
    await db.outbox.bulkPut(sending);
    return sending;
  });
}

function toRejectionErrors(errors: PushResult['errors']): RejectionError[] {
  return (errors ?? []).map((error) => ({ path: error.path, code: error.code }));
}

/**
 * Applies the back office's answers to the in-flight items in ONE transaction: accepted and
 * duplicate → `synced`; invalid → `rejected` with the field errors; conflict → `rejected` with
 * reason 'conflict'. In-flight items the answer does not mention go back to `queued`.
 * `batch` (the ids that were sent) limits this to one batch while the next one is already in
 * flight; without it, every `sending` item is the batch.
 */
export async function applyPushResults(
  db: ShubbakDb,
  results: readonly PushResult[],
  now: number = Date.now(),
  batch?: readonly string[],
): Promise<void> {
  const byId = new Map(results.filter((r) => r.id !== null).map((r) => [r.id as string, r]));
  await db.transaction('rw', db.outbox, async () => {
    const inFlight = batch
      ? (await db.outbox.bulkGet([...batch])).filter((item): item is OutboxItem => item?.state === 'sending')
      : await db.outbox.where('state').equals('sending').toArray();
    const updated = inFlight.map((item): OutboxItem => {
      const result = byId.get(item.id);
      if (!result) return { ...item, state: 'queued', lastError: 'noAnswer' };
      switch (result.outcome) {
        case 'accepted':
        case 'duplicate':
          return { ...item, state: 'synced', syncedAt: now, retentionFrom: now, lastError: null, rejection: null };
        case 'invalid':
          return { ...item, state: 'rejected', lastError: 'invalid', rejection: { errors: toRejectionErrors(result.errors), reason: 'invalid' } };
        case 'conflict':
          return { ...item, state: 'rejected', lastError: 'conflict', rejection: { errors: null, reason: 'conflict' } };
      }
    });
    await db.outbox.bulkPut(updated);
  });
}

/** The back office's answers to one batch, kept until they are written. */
export interface AnsweredBatch {
  /** The ids that were sent. */
  ids: readonly string[];
  results: readonly PushResult[];
  /** When the answer arrived (epoch ms, kiosk clock). */
  at: number;
}

/**
 * Writes the answers of the batch before (if any) and takes the next `size` queued items in
 * flight, in ONE transaction: the drain pays one commit per batch instead of two.
 */
export async function applyThenTakeBatch(db: ShubbakDb, answered: AnsweredBatch | null, size: number, now: number = Date.now()): Promise<OutboxItem[]> {
  return db.transaction('rw', db.outbox, async () => {
    if (answered) await applyPushResults(db, answered.results, answered.at, answered.ids);
    return size > 0 ? nextBatch(db, size, now) : [];
  });
}

/** The batch did not get an answer (network, timeout, 5xx…): every in-flight item goes back to `queued`. */
export async function releaseInFlight(db: ShubbakDb, lastError: string): Promise<number> {
  return db.outbox.where('state').equals('sending').modify({ state: 'queued', lastError });
}

/** At start-up: a crash mid-sync leaves items `sending`; they go back to `queued` (the server's upsert by id makes a resend safe). */
export async function requeueInFlight(db: ShubbakDb): Promise<number> {
  return releaseInFlight(db, 'interrupted');
}

/** A stored item that cannot be sent as it is (failed re-validation, or no personal data left): refused on the kiosk. */
export async function rejectLocally(db: ShubbakDb, id: string, reason: string, errors: RejectionError[] | null): Promise<void> {
  await db.outbox.update(id, { state: 'rejected', lastError: reason, rejection: { errors, reason } });
}

export interface PendingSummary {
  /** Items not yet acknowledged (`queued` or `sending`). */
  count: number;
  /** Kiosk-clock time of the earliest pending item, or null when nothing is pending. */
  oldestCreatedAt: number | null;
}

export async function pendingSummary(db: ShubbakDb): Promise<PendingSummary> {
  return db.transaction('r', db.outbox, async () => {
    const count = await db.outbox.where('state').anyOf('queued', 'sending').count();
    if (count === 0) return { count, oldestCreatedAt: null };
    // Oldest by kiosk sequence, not by clock: the clock may have jumped since.
    const firsts = await Promise.all(
      (['queued', 'sending'] as const).map((state) =>
        db.outbox.where('[state+kioskSeq]').between([state, Dexie.minKey], [state, Dexie.maxKey]).first(),
      ),
    );
    const oldest = firsts.filter((item): item is OutboxItem => item !== undefined).sort((a, b) => a.kioskSeq - b.kioskSeq)[0];
    return { count, oldestCreatedAt: oldest?.createdAt ?? null };
  });
}
