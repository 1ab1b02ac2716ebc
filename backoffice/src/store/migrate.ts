import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index';

/** Applies the migrations not yet recorded, in version order; returns the versions it applied. */
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
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
  if (pending.length === 0) return done;
  // SQLite's procedure for rebuilding a table (drop, rename) needs foreign keys off, and the pragma
  // cannot change inside a transaction; each migration's result is checked before it commits instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      // A failing migration rolls back whole: the schema is never left half-changed.
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${migration.version} breaks ${broken.length} foreign key(s)`);
        record.run(migration.version, migration.name, new Date().toISOString());
      }).immediate();
      done.push(migration.version);
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return done;
}
