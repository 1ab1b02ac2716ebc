import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_PG_POOL_SIZE, PostgresStore } from './postgres/pgStore';
import { openSqliteStore } from './sqliteStore';
import type { Store } from './types';

/** Where the back office keeps its data: the embedded SQLite file (the default) or a PostgreSQL database. */
export type StoreConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; poolSize: number };

export const DATABASE_FILE = 'backoffice.sqlite';

/**
 * The one place that turns settings into a store, for the server, the CLI and the benchmarks.
 * `database` (the `--database` flag, else DATABASE_URL) wins when given: a `postgres://` or
 * `postgresql://` URL, or a path to a SQLite file. Without it, the SQLite file in the data folder.
 */
export function storeConfig(settings: { database?: string; dataDir: string; poolSize?: number }): StoreConfig {
  const database = settings.database?.trim();
  if (database && /^postgres(ql)?:\/\//.test(database)) {
    return { engine: 'postgres', url: database, poolSize: settings.poolSize ?? DEFAULT_PG_POOL_SIZE };
  }
  if (database) return { engine: 'sqlite', file: database };
  return { engine: 'sqlite', file: join(settings.dataDir, DATABASE_FILE) };
}

/** Opens the store and applies pending migrations (PostgreSQL: under an advisory lock, see postgres/migrate.ts). */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.engine === 'postgres') return PostgresStore.open({ url: config.url, poolSize: config.poolSize });
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  return openSqliteStore(config.file);
}

/** For logs: the engine and where, without a password. */
export function describeStore(config: StoreConfig): string {
  if (config.engine === 'sqlite') return `SQLite ${config.file}`;
  const url = new URL(config.url);
  url.password = '';
  return `PostgreSQL ${url.host}${url.pathname} (pool ${config.poolSize})`;
}
