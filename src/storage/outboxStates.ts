import Dexie from 'dexie';
import type { ShubbakDb, OutboxItem, OutboxRecord } from './db';
import { inFlightIds } from './inFlight';
import { presentItem } from './outboxLayout';

/**
 * The outbox by state, on the v4 layout (see db.ts): pending items are the `pending` store,
 * rejected and discarded ones the `[outcome+kioskSeq]` index, and synced ones all the others.
 * Callers open the transaction (over outbox, pending and meta) when they need one view.
 */

/** The rows that ended with `outcome`, in kiosk-sequence order. */
export function withOutcome(db: ShubbakDb, outcome: 'rejected' | 'discarded') {
  return db.outbox.where('[outcome+kioskSeq]').between([outcome, Dexie.minKey], [outcome, Dexie.maxKey]);
}

/** Which of `seqs` are in the pending set. */
export async function pendingAmong(db: ShubbakDb, seqs: readonly number[]): Promise<Set<number>> {
  const entries = await db.pending.bulkGet([...seqs]);
  return new Set(entries.flatMap((entry) => (entry ? [entry.kioskSeq] : [])));
}

/** The rows of `seqs` that are synced (neither pending nor ended otherwise) and still hold personal data. */
export async function syncedWithPersonalData(db: ShubbakDb, seqs: readonly number[]): Promise<OutboxRecord[]> {
  const [rows, pending] = await Promise.all([db.outbox.where('kioskSeq').anyOf([...seqs]).toArray(), pendingAmong(db, seqs)]);
  return rows.filter((row) => row.request !== null && row.outcome === undefined && !pending.has(row.kioskSeq));
}

/** Rows as the app sees them, their state read from the pending set and the in-flight record. */
export async function presentRecords(db: ShubbakDb, records: readonly OutboxRecord[]): Promise<OutboxItem[]> {
  const [pending, onWire] = await Promise.all([pendingAmong(db, records.map((record) => record.kioskSeq)), inFlightIds(db)]);
  return records.map((record) => presentItem(record, { pending: pending.has(record.kioskSeq), onWire: onWire.has(record.id) }));
}

export async function presentRecord(db: ShubbakDb, record: OutboxRecord | undefined): Promise<OutboxItem | undefined> {
  return record ? (await presentRecords(db, [record]))[0] : undefined;
}

/** Stored counts: the pending set (on the wire or not), each outcome, and everything. */
export async function storedCounts(db: ShubbakDb): Promise<{ pending: number; rejected: number; discarded: number; total: number }> {
  const [pending, rejected, discarded, total] = await Promise.all([
    db.pending.count(),
    withOutcome(db, 'rejected').count(),
    withOutcome(db, 'discarded').count(),
    db.outbox.count(),
  ]);
  return { pending, rejected, discarded, total };
}
