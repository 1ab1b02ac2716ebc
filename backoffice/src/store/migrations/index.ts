import { initial } from './001-initial';
import { purge } from './002-purge';
import { trust } from './003-trust';
import { kioskTrust } from './004-kiosk-trust';
import { consoleMigration } from './005-console';
import { officeIdentity } from './007-office-identity';
import { certificates } from './006-certificates';
import { promptRecordings } from './008-prompt-recordings';

/**
 * Versioned schema changes, applied in order, each inside its own transaction, and recorded in
 * `schema_migrations`. Add a file `NNN-what.ts` and append it here; never edit one that shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [initial, purge, trust, kioskTrust, consoleMigration, certificates, officeIdentity, promptRecordings];
