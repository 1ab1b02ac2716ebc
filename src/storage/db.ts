import Dexie, { type EntityTable } from 'dexie';
import type { Catalogue } from '../domain/catalogue';
import type { CitizenRequest } from '../domain/request';
import type { LocalState, RemoteStatus } from '../domain/status';
import type { FieldError } from '../domain/validation';

/**
 * The kiosk's IndexedDB database. Nothing outside src/storage touches Dexie.
 *
 * Schema changes: add a new `this.version(n)` block below the others, never edit an old one,
 * and carry pending outbox items across in its `upgrade` (Workbox lost queues by deleting its
 * store on upgrade; tests/storage proves ours survive).
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
  attempts: number;
  lastError: string | null;
  lastAttemptAt: number | null;
  syncedAt: number | null;
  /** Why the back office refused it (per-field), or why a supervisor discarded it. */
  rejection: { errors: FieldError[] | null; reason: string | null } | null;
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
    this.version(1).stores({
      outbox: 'id, &trackingCode, &kioskSeq, state, [state+kioskSeq], createdAt',
      statuses: 'requestId, &trackingCode, seq',
      meta: 'key',
      audit: 'id, at, synced',
      catalogue: 'key',
    });
  }
}
