/**
 * Bundled by tests/fault/schemaUpgrade.test.ts and evaluated in a page of the kiosk's origin
 * before the app ever runs there: writes the kiosk's database exactly as version 3 of the app
 * declared it (Dexie schema versions 1 to 3), with outbox rows in that version's shape (the
 * state in the row). The app, loaded next, must upgrade it without losing or doubling anything.
 */
import Dexie from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3_OUTBOX, type LegacyOutboxRow, type MetaRecord } from '../../src/storage/db';

async function writeVersion3Database(rows: LegacyOutboxRow[], meta: MetaRecord[]): Promise<number> {
  const db = new Dexie('shubbak');
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(3).stores({ outbox: SCHEMA_V3_OUTBOX });
  await db.transaction('rw', db.table('outbox'), db.table('meta'), async () => {
    await db.table('outbox').bulkAdd(rows);
    await db.table('meta').bulkPut(meta);
  });
  const version = db.verno;
  db.close();
  return version;
}

(globalThis as { shubbakWriteVersion3Database?: typeof writeVersion3Database }).shubbakWriteVersion3Database = writeVersion3Database;
