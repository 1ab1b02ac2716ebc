/**
 * `npm run backup -- [--data .data/backoffice] [--to <file>]`: a consistent copy of the back
 * office's SQLite database, taken while it runs. SQLite's online backup API copies a snapshot
 * page by page, so requests arriving during the copy neither block nor tear it; copying the
 * file with `cp` could catch a half-applied WAL.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DATA_DIR_MODE, prepareDataFile } from '../backoffice/src/store/dataFiles';

export function defaultBackupName(now: Date): string {
  return `backoffice-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  // A backup holds the same personal data as the database: a new folder 0700, the copy 0600 from its first byte.
  mkdirSync(path.dirname(destination), { recursive: true, mode: DATA_DIR_MODE });
  prepareDataFile(destination);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(destination);
    // Proves the copy opens and is whole before anyone relies on it.
    const copy = new Database(destination, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`backup ${destination} failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, to: { type: 'string' } } });
  const dataDir = values.data ?? process.env.SHUBBAK_DATA_DIR ?? path.join('.data', 'backoffice');
  const destination = values.to ?? path.join('.data', 'backups', defaultBackupName(new Date()));
  const { pages } = await backupDatabase(path.join(dataDir, 'backoffice.sqlite'), destination);
  console.log(`Backed up ${pages} pages to ${destination}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
