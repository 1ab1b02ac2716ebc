import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../backoffice/src/store/migrate';
import { MIGRATIONS } from '../../backoffice/src/store/migrations/index';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';

let dir: string;
/** Every shipped version, and the number a new migration would take. */
const SHIPPED = MIGRATIONS.map((migration) => migration.version);
const NEXT = Math.max(...SHIPPED) + 1;
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
    const broken = { version: NEXT, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(SHIPPED);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    db.close();
  });

  it('applies a new migration to a database that has the earlier ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-mig-'));
    const db = new Database(join(dir, 'db.sqlite'));
    expect(migrate(db)).toEqual(SHIPPED);
    expect(migrate(db, [...MIGRATIONS, { version: NEXT, name: 'notes', sql: 'ALTER TABLE requests ADD COLUMN note TEXT' }])).toEqual([NEXT]);
    db.close();
  });

  it('upgrades a version 1 database holding requests: each is kept whole, none is marked purged', () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-mig-'));
    const db = new Database(join(dir, 'db.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 1));
    db.exec(`INSERT INTO offices (id, name, created_at) VALUES ('north', 'North', 't');
      INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('d', 'north', 'k', 'h', 'KPX', 't');
      INSERT INTO requests (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at)
        VALUES ('r1', 'north', 'd', 1, 'KPX-1', 'life', '{"id":"r1"}', 'received', 't');`);
    expect(migrate(db)).toEqual(SHIPPED.slice(1));
    expect(db.prepare('SELECT id, body, body_sha256 AS bodySha256, purged_at AS purgedAt FROM requests').all()).toEqual([
      { id: 'r1', body: '{"id":"r1"}', bodySha256: null, purgedAt: null },
    ]);
    db.close();
  });
});
