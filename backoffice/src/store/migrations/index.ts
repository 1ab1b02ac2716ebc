import { initial } from './001-initial';
import { purge } from './002-purge';
import { trust } from './003-trust';
import { kioskTrust } from './004-kiosk-trust';
import { consoleMigration } from './005-console';
import { officeIdentity } from './007-office-identity';
import { certificates } from './006-certificates';
import { promptRecordings } from './008-prompt-recordings';
import { routing } from './010-routing';
import { outbox } from './009-outbox';
import { portal } from './011-portal';
import { leanIngest } from './012-lean-ingest';
import { searchTermsWithoutForeignKey } from './013-search-terms-without-fk';
import { leanPushWrites } from './014-lean-push-writes';
import { notificationsByStatement } from './015-notifications-by-statement';
import { promptRecordingOrigin } from './016-prompt-recording-origin';
import { searchKeys } from './017-search-keys';

/**
 * Versioned schema changes, applied in order, each inside its own transaction, and recorded in
 * `schema_migrations`, on SQLite and on PostgreSQL alike. Add a file `NNN-what.ts` and append it
 * here; never edit one that shipped.
 *
 * `sql` is run by both engines, so write it portably: plain TEXT / INTEGER / BIGINT columns, ISO
 * times as TEXT, no `STRICT`, no `AUTOINCREMENT`, no SQLite-only functions. Where the engines
 * cannot share a statement (an auto-numbered column, a partial feature), give `sql` the SQLite
 * form and `postgres` the PostgreSQL one: the contract suite runs on both, so a form that one
 * engine refuses fails its tests.
 */
export interface Migration {
  version: number;
  name: string;
  /** The SQLite form, and PostgreSQL's too when `postgres` is absent. */
  sql: string;
  /** PostgreSQL's form, when it differs. */
  postgres?: string;
}

/** The statements an engine runs for a migration. */
export function migrationSql(migration: Migration, engine: 'sqlite' | 'postgres'): string {
  return engine === 'postgres' ? (migration.postgres ?? migration.sql) : migration.sql;
}

export const MIGRATIONS: readonly Migration[] = [initial, purge, trust, kioskTrust, consoleMigration, certificates, officeIdentity, promptRecordings, outbox, routing, portal, leanIngest, searchTermsWithoutForeignKey, leanPushWrites, notificationsByStatement, promptRecordingOrigin, searchKeys];
