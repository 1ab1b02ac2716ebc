import Dexie, { type EntityTable } from 'dexie';
import type { Catalogue } from '../domain/catalogue';
import type { CitizenRequest } from '../domain/request';
import type { LocalState, RemoteStatus } from '../domain/status';

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
  attempts: number;
  lastError: string | null;
  lastAttemptAt: number | null;
  syncedAt: number | null;
  /** Why the back office refused it (per-field), or why a supervisor discarded it. */
  rejection: { errors: RejectionError[] | null; reason: string | null } | null;
  /**
   * Epoch ms from which the retention of a synced item's personal data is counted; present only
   * while the item is synced AND still holds its personal data, so the purge's index covers
   * exactly the rows it may purge. (Added in schema v2.)
   */
  retentionFrom?: number;
}

/** Last known remote status of a request, pulled from the back office. */
export interface StatusRecord {
  requestId: string;
  trackingCode: string;
  status: RemoteStatus;
  reason: string | null;
  changedAt: string;
  seq: number;
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

export const DB_NAME = 'shubbak';

/** The first released schema, kept verbatim: tests open a database at this version to prove upgrades carry data. */
export const SCHEMA_V1 = {
  outbox: 'id, &trackingCode, &kioskSeq, state, [state+kioskSeq], createdAt',
  statuses: 'requestId, &trackingCode, seq',
  meta: 'key',
  audit: 'id, at, synced',
  catalogue: 'key',
} as const;

/** The outbox's indexes from schema v3 on. */
export const SCHEMA_V3_OUTBOX = 'id, &trackingCode, &kioskSeq, [state+kioskSeq], retentionFrom';

export class ShubbakDb extends Dexie {
  outbox!: EntityTable<OutboxItem, 'id'>;
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
      .stores({
        outbox: 'id, &trackingCode, &kioskSeq, state, [state+kioskSeq], createdAt, retentionFrom',
        audit: 'id, at, synced, [synced+at]',
      })
      .upgrade((tx) =>
        tx
          .table<OutboxItem, string>('outbox')
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
  }
}
