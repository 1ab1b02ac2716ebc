import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The back office's files hold personal data and secrets' hashes: the data folder is 0700 and
 * every file in it 0600, whatever the process umask (docs/operations.md). An existing folder or
 * file with wider modes is tightened when the back office opens it.
 */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/** Creates (or tightens) the data folder. Only ever called on the folder the operator named for the back office. */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  chmodSync(dataDir, DATA_DIR_MODE);
}

/**
 * Creates the file 0600 before SQLite opens it, so it never exists with wider modes; SQLite then
 * gives its -wal and -shm files the database file's mode.
 */
export function prepareDataFile(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', DATA_FILE_MODE));
  chmodSync(file, DATA_FILE_MODE);
  for (const companion of [`${file}-wal`, `${file}-shm`]) {
    if (existsSync(companion)) chmodSync(companion, DATA_FILE_MODE);
  }
}

/** For key files (signing keys, secrets): written 0600 from the start, in a 0700 folder. */
export function writeSecretFile(dataDir: string, name: string, content: string | Buffer): string {
  prepareDataDir(dataDir);
  const file = join(dataDir, name);
  writeFileSync(file, content, { mode: DATA_FILE_MODE });
  chmodSync(file, DATA_FILE_MODE);
  return file;
}
