import type { StatusProof } from '../domain/statusProof';
import Dexie, { type EntityTable } from 'dexie';
import type { RefusalReasonCode } from '../domain/refusalReasons';
import type { Catalogue } from '../domain/catalogue';
import type { CitizenRequest } from '../domain/request';
import type { LocalState, RemoteStatus } from '../domain/status';
import { DB_NAME } from './dbName';
import { LayoutBuilder } from './outboxLayout';

/**
 * The kiosk's IndexedDB database. Nothing outside src/storage touches Dexie.
 *
 * Schema changes: add a new `this.version(n)` block below the others, never edit an old one,
 * and carry pending outbox items across in its `upgrade` (Workbox lost queues by deleting its
 * store on upgrade; tests/storage proves ours survive).
 */

/**
 * A field error as the back office (or the kiosk's re-validation) reported it. Codes are kept as
 * they came: besides the kiosk's `ValidationErrorCode`s the server has its own (`unknownService`,
 * `unrecognized_key`, …), and a supervisor must be able to read them all.
 */
export interface RejectionError {
  path: string;
  code: string;
}

/**
 * An outbox item as the rest of the app sees it: the stored record with its sync state, which
 * is not stored in the row (see `OutboxRecord`) but derived from where the item is.
 */
export interface OutboxItem {
  /** UUID v7 made on the kiosk: the idempotency key. */
  id: string;
  kioskSeq: number;
  trackingCode: string;
  serviceId: string;
  state: LocalState;
  /** The full request; null once personal data was purged after retention. */
  request: CitizenRequest | null;
  /** Kiosk clock, epoch ms: metadata for the supervisor, never ordering. */
  createdAt: number;
  /** Sending attempts that ended, the successful one included. */
  attempts: number;
  lastError: string | null;
  lastAttemptAt: number | null;
  /** Why the back office refused it (per-field), or why a supervisor discarded it. */
  rejection: { errors: RejectionError[] | null; reason: string | null } | null;
}

/**
 * An outbox row as stored from schema v4 on. Its sync state is not a field of the row: an item
 * is pending while its sequence number is in the `pending` store, and once it left that store
 * it is `synced` unless the row says it ended otherwise (`outcome`). So a sync drain never
 * rewrites a row: acknowledging a batch deletes one range of small `pending` keys and adds one
 * `acks` record, where a put per row (with its index entries) cost four times as much.
 */
export interface OutboxRecord {
  id: string;
  kioskSeq: number;
  trackingCode: string;
  serviceId: string;
  request: CitizenRequest | null;
  createdAt: number;
  /** Attempts that ended without the item being accepted (the accepting one is not written). */
  attempts: number;
  lastError: string | null;
  lastAttemptAt: number | null;
  rejection: OutboxItem['rejection'];
  /** How an item that will not be synced ended; absent while pending and once synced. */
  outcome?: 'rejected' | 'discarded';
}

/** The pending set: one small entry per item waiting for the back office's answer, in kiosk-sequence order. */
export interface PendingEntry {
  kioskSeq: number;
  id: string;
}

/**
 * When items were acknowledged: one record per answered batch, kept while any of its items
 * still holds personal data, so the retention purge knows when each item was synced.
 */
export interface AckRecord {
  key?: number;
  /** Epoch ms, kiosk clock: when the answer was written. */
  at: number;
  /** Kiosk sequence numbers of the items acknowledged then and not purged yet. */
  seqs: number[];
}

/** An outbox row as schemas v1 to v3 stored it, with its state in the row. */
export interface LegacyOutboxRow extends OutboxItem {
  syncedAt?: number | null;
  /** v2–v3: when the retention of a synced item's personal data started. */
  retentionFrom?: number;
}

/** Last known remote status of a request, pulled from the back office. */
export interface StatusRecord {
  requestId: string;
  trackingCode: string;
  status: RemoteStatus;
  reason: string | null;
  /** A refusal's category (refusalReasons.ts), shown translated before `reason`; absent on changes older than the codes. */
  reasonCode?: RefusalReasonCode | null;
  changedAt: string;
  seq: number;
  /** The holder's proof verifier, passed on by the back office; absent on changes pulled before it existed. */
  proof?: StatusProof | null;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface AuditRecord {
  /** UUID, so an entry synced twice is stored once on the back office. */
  id: string;
  /** Epoch ms, kiosk clock. */
  at: number;
  action: string;
  /** Never personal data: ids, counts, setting names. */
  detail: string;
  synced: 0 | 1;
}

export interface CatalogueRecord {
  key: 'current';
  catalogue: Catalogue;
}

export { DB_NAME };

/** The first released schema, kept verbatim: tests open a database at this version to prove upgrades carry data. */
export const SCHEMA_V1 = {
  outbox: 'id, &trackingCode, &kioskSeq, state, [state+kioskSeq], createdAt',
  statuses: 'requestId, &trackingCode, seq',
  meta: 'key',
  audit: 'id, at, synced',
  catalogue: 'key',
} as const;

/** The stores schema v2 changed, kept verbatim: tests write a database as version 2 of the app left it. */
export const SCHEMA_V2 = {
  outbox: 'id, &trackingCode, &kioskSeq, state, [state+kioskSeq], createdAt, retentionFrom',
  audit: 'id, at, synced, [synced+at]',
} as const;

/** The outbox's indexes in schema v3, kept verbatim for the upgrade tests. */
export const SCHEMA_V3_OUTBOX = 'id, &trackingCode, &kioskSeq, [state+kioskSeq], retentionFrom';

/** The stores schema v4 changed or added. */
export const SCHEMA_V4 = {
  outbox: 'id, &trackingCode, &kioskSeq, [outcome+kioskSeq]',
  pending: 'kioskSeq',
  acks: '++key, at',
} as const;

export class ShubbakDb extends Dexie {
  outbox!: EntityTable<OutboxRecord, 'id'>;
  pending!: EntityTable<PendingEntry, 'kioskSeq'>;
  acks!: EntityTable<AckRecord, 'key'>;
  statuses!: EntityTable<StatusRecord, 'requestId'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  audit!: EntityTable<AuditRecord, 'id'>;
  catalogue!: EntityTable<CatalogueRecord, 'key'>;

  constructor(name: string = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // Chromium defaults to relaxed durability since version 121: a request must be on disk
    // before its receipt is shown, so every write transaction asks for strict durability.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores(SCHEMA_V1);
    // v2: an index over the personal data still held by synced items (the retention purge reads
    // only those, not 100,000 rows) and one for the audit upload. The upgrade starts the
    // retention clock of v1's synced items and puts items a crash left `sending` back in
    // `queued`; every other row, pending or not, is carried across untouched.
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table<LegacyOutboxRow, string>('outbox')
          .where('state')
          .anyOf('sending', 'synced')
          .modify((item) => {
            if (item.state === 'sending') item.state = 'queued';
            else if (item.request !== null) item.retentionFrom = item.syncedAt ?? Date.now();
          }),
      );
    // v3: no more `state` index (every query by state reads `[state+kioskSeq]`) and no `createdAt`
    // index (nothing reads by it). Each index is one more entry written on every put, and a sync
    // drain puts every item once: two fewer indexes cut the drain's IndexedDB work. No row changes.
    this.version(3).stores({ outbox: SCHEMA_V3_OUTBOX });
    // v4: the sync state leaves the row (see `OutboxRecord`). Each row is rewritten once, in a
    // stream (no 100,000 rows held in memory): queued and `sending` rows enter the pending set,
    // synced rows still holding personal data keep their retention start as an `acks` record,
    // rejected and discarded rows keep it as their `outcome`. The in-flight record goes: nothing
    // is on the wire while the database upgrades, so everything in it is simply pending.
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const layout = new LayoutBuilder(Date.now());
        await tx
          .table('outbox')
          .toCollection()
          .modify((row: LegacyOutboxRow, ref: { value: unknown }) => {
            ref.value = layout.add(row);
          });
        await tx.table<PendingEntry, number>('pending').bulkAdd(layout.pending);
        await tx.table<AckRecord, number>('acks').bulkAdd(layout.acks());
        await tx.table<MetaRecord, string>('meta').delete('inFlight');
      });
  }
}
