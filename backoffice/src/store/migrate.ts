import type Database from 'better-sqlite3';
import { MIGRATIONS, migrationSql, type Migration } from './migrations/index';

/**
 * Applies the migrations not yet recorded, in version order; returns the versions it applied.
 * One SQLite file has one writer at a time, so the IMMEDIATE transactions are the lock.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    // A failing migration rolls back whole: the schema is never left half-changed.
    db.transaction(() => {
      db.exec(migrationSql(migration, 'sqlite'));
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
    done.push(migration.version);
  }
  return done;
}
