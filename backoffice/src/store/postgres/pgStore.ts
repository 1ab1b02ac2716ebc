import type pg from 'pg';
import { ComposedStore, type StoreParts } from '../composedStore';
import type { Store, StoreStats } from '../types';
import { migratePostgres } from './migrate';
import { pgCatalogues } from './pgCatalogues';
import { pgCertificates } from './pgCertificates';
import { pgConsole } from './pgConsole';
import { pgDirectory } from './pgDirectory';
import { pgEnrolmentGuard } from './pgEnrolment';
import { pgKiosks } from './pgKiosks';
import { pgOffices } from './pgOffices';
import { pgOfficeIdentity } from './pgOfficeIdentity';
import { pgOutbox } from './pgOutbox';
import { pgPortal } from './pgPortal';
import { pgPromptRecordings } from './pgPromptRecordings';
import { pgRateLimits } from './pgRateLimits';
import { pgRequests, type PgFaults } from './pgRequests';
import { pgStaff } from './pgStaff';
import { createPool, firstRow } from './pool';

export interface PostgresStoreOptions {
  url: string;
  /** Connections of this instance; see docs/operations.md for sizing against max_connections. */
  poolSize?: number;
  /** Test seams that hold a transaction at a chosen point, to make instances interleave on purpose. */
  faults?: PgFaults;
}

export const DEFAULT_PG_POOL_SIZE = 10;

/** Every capability of the store, each from its own file of SQL. */
function pgParts(pool: pg.Pool, faults: PgFaults | undefined): StoreParts {
  return {
    offices: pgOffices(pool),
    catalogues: pgCatalogues(pool),
    kiosks: pgKiosks(pool),
    enrolmentGuard: pgEnrolmentGuard(pool),
    requests: pgRequests(pool, faults),
    rateLimits: pgRateLimits(pool),
    staff: pgStaff(pool),
    console: pgConsole(pool),
    certificates: pgCertificates(pool),
    recordings: pgPromptRecordings(pool),
    officeIdentity: pgOfficeIdentity(pool),
    portal: pgPortal(pool),
    directory: pgDirectory(pool),
    outbox: pgOutbox(pool),
  };
}

/**
 * The store on PostgreSQL, for a back office run as several stateless instances: everything that
 * must hold across instances (exactly-once, the feed's order, single-use codes) is held by the
 * database, with row locks, unique keys and advisory locks, never in this process. Its methods
 * come from its parts (composedStore.ts); only its lifecycle is its own.
 */
export class PostgresStore extends ComposedStore implements Store {
  readonly pool: pg.Pool;
  private closing: Promise<void> | null = null;

  private constructor(pool: pg.Pool, options: PostgresStoreOptions) {
    super(pgParts(pool, options.faults));
    this.pool = pool;
  }

  /** Connects and applies the pending migrations (under a lock, see migrate.ts). */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = createPool(options.url, options.poolSize ?? DEFAULT_PG_POOL_SIZE);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, options);
  }

  async stats(): Promise<StoreStats> {
    const row = await firstRow<StoreStats>(
      this.pool,
      `SELECT (SELECT COUNT(*) FROM offices) AS offices, (SELECT COUNT(*) FROM devices) AS devices,
        (SELECT COUNT(*) FROM requests) AS requests, (SELECT COUNT(*) FROM status_changes) AS "statusChanges",
        (SELECT COUNT(*) FROM audit_entries) AS "auditEntries"`,
      [],
    );
    return row!;
  }

  /** Waits for the connections to close; closing twice is harmless. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
