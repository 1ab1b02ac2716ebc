import type pg from 'pg';
import { MIGRATIONS, migrationSql, type Migration } from '../migrations/index';
import { RATE_LIMIT_TABLE_SQL } from './pgRateLimits';
import { ADVISORY_LOCKS } from './pool';

/**
 * Applies the migrations not yet recorded, in version order, each in its own transaction (DDL is
 * transactional in PostgreSQL: a failing one leaves nothing). The whole run holds a session
 * advisory lock, so of several instances starting together one migrates and the others wait,
 * then find nothing left to do. Returns the versions this call applied.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.migrations]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((row) => row.version));
      const done: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migrationSql(migration, 'postgres'));
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        done.push(migration.version);
      }
      // Engine-only tables, not migrated (see their modules); created under the same lock.
      await client.query(RATE_LIMIT_TABLE_SQL);
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.migrations]);
    }
  } finally {
    client.release();
  }
}
