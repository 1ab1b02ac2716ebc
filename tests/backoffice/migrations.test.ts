import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../backoffice/src/store/migrate';
import { MIGRATIONS } from '../../backoffice/src/store/migrations/index';
import { indexUnsearchedRequests } from '../../backoffice/src/service/searchIndexing';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { canonicalRequestJson } from '../../src/domain/request';
import { makeRequest } from './fixtures';

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

  it('upgrades a version 2 database for the console: timeline from the status log, status times, staff tokens retired, search terms at start-up', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-mig-'));
    const file = join(dir, 'db.sqlite');
    const db = new Database(file);
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 2));
    const request = makeRequest('KPX', 1);
    db.prepare(
      `INSERT INTO offices (id, name, created_at) VALUES ('north', 'North', 't0')`,
    ).run();
    db.prepare("INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('d', 'north', 'k', 'h', 'KPX', 't0')").run();
    db.prepare("INSERT INTO staff (id, name, token_hash, created_at) VALUES ('s', 'Amina', 'hash', 't0')").run();
    db.prepare(
      `INSERT INTO requests (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at)
       VALUES (?, 'north', 'd', 1, ?, 'life', ?, 'refused', '2026-11-01T10:00:00.000Z')`,
    ).run(request.id, request.trackingCode, canonicalRequestJson(request));
    const change = db.prepare('INSERT INTO status_changes (request_id, office_id, status, reason, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)');
    change.run(request.id, 'north', 'received', null, '2026-11-01T10:00:00.000Z', 'device:d');
    change.run(request.id, 'north', 'refused', 'Pièce manquante', '2026-11-02T09:00:00.000Z', 'staff:s');
    db.close();

    const store = openSqliteStore(file);
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'staff'").get()).toBeUndefined();
    expect(store.db.prepare('SELECT status_at AS statusAt, version, search_indexed AS indexed FROM requests').get()).toEqual({ statusAt: '2026-11-02T09:00:00.000Z', version: 0, indexed: 0 });
    expect(store.db.prepare('SELECT kind, status, reason FROM request_events ORDER BY seq').all()).toEqual([
      { kind: 'received', status: 'received', reason: null },
      { kind: 'status', status: 'refused', reason: 'Pièce manquante' },
    ]);
    expect(await indexUnsearchedRequests(store)).toBe(1);
    expect(store.db.prepare('SELECT term FROM request_search_terms WHERE term = ?').pluck().get('ab123456')).toBe('ab123456');
    store.close();
  });
});
