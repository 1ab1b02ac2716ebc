import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../backoffice/src/store/migrate';
import { MIGRATIONS } from '../../backoffice/src/store/migrations/index';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('applies every migration once, in order, and records it', () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-mig-'));
    const file = join(dir, 'db.sqlite');
    openSqliteStore(file).close();
    openSqliteStore(file).close();
    const db = new Database(file);
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('rolls a failing migration back whole and records nothing for it', () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-mig-'));
    const db = new Database(join(dir, 'db.sqlite'));
    const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    db.close();
  });

  it('applies a new migration to a database that has the earlier ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-mig-'));
    const db = new Database(join(dir, 'db.sqlite'));
    expect(migrate(db)).toEqual([1]);
    expect(migrate(db, [...MIGRATIONS, { version: 2, name: 'notes', sql: 'ALTER TABLE requests ADD COLUMN note TEXT' }])).toEqual([2]);
    db.close();
  });
});
