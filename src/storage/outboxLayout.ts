import type { AckRecord, LegacyOutboxRow, OutboxItem, OutboxRecord, PendingEntry } from './db';

/**
 * How an outbox item is laid out on disk from schema v4 on (see `OutboxRecord` in db.ts), and
 * back: the one place that knows both shapes. Pure, so the schema upgrade, the storage functions
 * and the tests that seed a database all agree on it.
 */

/** Where an item stands, read from the stores: in the pending set, on the wire, or neither. */
export interface Whereabouts {
  pending: boolean;
  onWire: boolean;
}

/** The item as the app sees it: its state follows from where it is and how its row ended. */
export function presentItem(record: OutboxRecord, where: Whereabouts): OutboxItem {
  const { outcome, ...fields } = record;
  if (where.pending) return { ...fields, state: where.onWire ? 'sending' : 'queued' };
  if (outcome) return { ...fields, state: outcome };
  // The accepting attempt is not written to the row (a drain writes no row): it is counted here,
  // and it cleared whatever error an earlier attempt left in the row.
  return { ...fields, state: 'synced', attempts: fields.attempts + 1, lastError: null };
}

/** The stored row of an item in `state` (state-bearing fields of older schemas dropped). */
export function toRecord(item: LegacyOutboxRow): OutboxRecord {
  const { state, syncedAt: _syncedAt, retentionFrom: _retentionFrom, ...fields } = item;
  switch (state) {
    case 'synced':
      return { ...fields, attempts: Math.max(0, fields.attempts - 1) };
    case 'rejected':
    case 'discarded':
      return { ...fields, outcome: state };
    default:
      // queued, sending, or a state damaged on disk: pending, so it is sent (or refused) rather than lost.
      return fields;
  }
}

/** Whether a row of the older shape enters the pending set (see `toRecord`). */
function isPendingRow(row: LegacyOutboxRow): boolean {
  return row.state !== 'synced' && row.state !== 'rejected' && row.state !== 'discarded';
}

/**
 * Collects the v4 layout of rows written in the older shape, one row at a time: the rows
 * themselves, the pending set, and when synced items that still hold personal data were synced.
 */
export class LayoutBuilder {
  readonly pending: PendingEntry[] = [];
  private readonly syncedAt = new Map<number, number[]>();

  /** `now` stands for the sync time of synced rows that never recorded one. */
  constructor(private readonly now: number) {}

  add(row: LegacyOutboxRow): OutboxRecord {
    if (isPendingRow(row)) this.pending.push({ kioskSeq: row.kioskSeq, id: row.id });
    if (row.state === 'synced' && row.request !== null) {
      const at = row.retentionFrom ?? row.syncedAt ?? this.now;
      const seqs = this.syncedAt.get(at);
      if (seqs) seqs.push(row.kioskSeq);
      else this.syncedAt.set(at, [row.kioskSeq]);
    }
    return toRecord(row);
  }

  acks(): AckRecord[] {
    return [...this.syncedAt].map(([at, seqs]) => ({ at, seqs }));
  }
}
