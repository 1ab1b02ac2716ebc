import Database from 'better-sqlite3';
import { ComposedStore, type RequestStore, type StoreParts } from './composedStore';
import { prepareDataFile } from './dataFiles';
import { memoryRateLimits } from './memoryRateLimits';
import { migrate } from './migrate';
import { sqliteCatalogues } from './sqliteCatalogues';
import { sqliteCertificates } from './sqliteCertificates';
import { sqliteConsole } from './sqliteConsole';
import { sqliteDirectory } from './sqliteDirectory';
import { sqliteEnrolmentGuard } from './sqliteEnrolment';
import { sqliteKiosks } from './sqliteKiosks';
import { sqliteOffices } from './sqliteOffices';
import { sqliteOfficeIdentity } from './sqliteOfficeIdentity';
import { sqliteOutbox } from './sqliteOutbox';
import { sqlitePortal } from './sqlitePortal';
import { sqlitePromptRecordings } from './sqlitePromptRecordings';
import { sqliteRequests } from './sqliteRequests';
import { sqliteStaff } from './sqliteStaff';
import { preparedOnce } from './sqliteStatements';
import type { Store, StoreStats } from './types';

/** The file in WAL mode with `synchronous = FULL`, migrated to the latest schema. */
function openDatabase(file: string): Database.Database {
  prepareDataFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed, not left in free pages: a purged value is gone from the file.
  db.pragma('secure_delete = ON');
  // The CLI may write while the server runs: wait for the lock rather than fail.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Requests as the store offers them: SQLite's synchronous calls behind promises, and a purge that leaves nothing in the WAL. */
function asyncRequests(db: Database.Database, requests: ReturnType<typeof sqliteRequests>): RequestStore {
  return {
    pushRequests: async (...args) => requests.pushRequests(...args),
    changesSince: async (officeId, since, limit) => requests.changesSince(officeId, since, limit),
    findRequestByTrackingCode: async (trackingCode) => requests.findRequestByTrackingCode(trackingCode),
    appendStatus: async (...args) => requests.appendStatus(...args),
    purgeFinishedRequests: async (...args) => {
      const purged = requests.purgeFinishedRequests(...args);
      // The old pages live on in the WAL until a checkpoint: copy them home (zeroed) and truncate it now.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return purged;
    },
  };
}

/** Every capability of the store, each from its own file of SQL. */
function sqliteParts(db: Database.Database): StoreParts {
  const sql = preparedOnce(db);
  const requests = sqliteRequests(db);
  // The console's in-transaction mutation is shared with certificates and forwards, not offered by the store.
  const { mutateRequestNow, ...console } = sqliteConsole(db);
  return {
    offices: sqliteOffices(sql),
    catalogues: sqliteCatalogues(db, sql),
    kiosks: sqliteKiosks(db, sql),
    enrolmentGuard: sqliteEnrolmentGuard(db),
    requests: asyncRequests(db, requests),
    rateLimits: memoryRateLimits(),
    staff: sqliteStaff(db),
    console,
    certificates: sqliteCertificates(db, { appendStatus: (change) => requests.appendStatus(change), mutateRequest: mutateRequestNow }),
    recordings: sqlitePromptRecordings(db),
    officeIdentity: sqliteOfficeIdentity(db),
    portal: sqlitePortal(db),
    directory: sqliteDirectory(db, mutateRequestNow),
    outbox: sqliteOutbox(db),
  };
}

/**
 * The default store: one SQLite file in WAL mode with `synchronous = FULL`, so a committed
 * transaction survives a killed process and a power cut, and a batch is never half-written.
 * Its methods come from its parts (composedStore.ts); only its lifecycle is its own.
 */
export class SqliteStore extends ComposedStore implements Store {
  readonly db: Database.Database;

  constructor(file: string) {
    const db = openDatabase(file);
    super(sqliteParts(db));
    this.db = db;
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) => this.db.prepare<[], number>(`SELECT COUNT(*) FROM ${table}`).pluck().get() ?? 0;
    return {
      offices: count('offices'),
      devices: count('devices'),
      requests: count('requests'),
      statusChanges: count('status_changes'),
      auditEntries: count('audit_entries'),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(file);
}
