import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, defaultBackupName } from '../../scripts/backupBackoffice';

describe('backing up the back office database', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'shubbak-backup-'));
  });

  it('copies every committed row, including those still in the write-ahead log, while the database stays open', async () => {
    const source = path.join(dir, 'backoffice.sqlite');
    const live = new Database(source);
    live.pragma('journal_mode = WAL');
    live.exec('CREATE TABLE requests (id TEXT PRIMARY KEY)');
    const insert = live.prepare('INSERT INTO requests (id) VALUES (?)');
    for (let i = 0; i < 100; i++) insert.run(`request-${i}`);

    const destination = path.join(dir, 'backups', 'copy.sqlite');
    await backupDatabase(source, destination);
    live.close();

    const copy = new Database(destination, { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM requests').pluck().get()).toBe(100);
    copy.close();
  });

  it('refuses to back up a database that does not exist', async () => {
    await expect(backupDatabase(path.join(dir, 'missing.sqlite'), path.join(dir, 'copy.sqlite'))).rejects.toThrow();
  });

  it('names backups by time, without characters a file system may refuse', () => {
    expect(defaultBackupName(new Date('2026-11-28T18:20:05.123Z'))).toBe('backoffice-2026-11-28T18-20-05-123Z.sqlite');
  });
});
