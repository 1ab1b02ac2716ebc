import pg from 'pg';

/**
 * The connection pool of one back-office instance. BIGINT and COUNT(*) come back as JS numbers:
 * every BIGINT here (sequences, counters) stays far below 2^53.
 */
export function createPool(url: string, poolSize: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (a database restart) must not crash the process: the pool drops it.
  pool.on('error', () => undefined);
  return pool;
}

export type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it
 * throws. READ COMMITTED unless told otherwise; each caller takes the row locks it needs.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  mode = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(mode);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Advisory lock keys of the back office (one 64-bit namespace per database). Each is held by a
 * transaction (`pg_advisory_xact_lock`) or a session (`pg_advisory_lock`) as its comment says.
 */
export const ADVISORY_LOCKS = {
  /** Session: one instance at a time applies migrations. */
  migrations: 0x5348_0001,
  /** Transaction, with the office as second key: numbers an office's change feed and console event feed in commit order (see lockFeeds in pgChangeLog.ts). */
  changeFeed: 0x5348_0002,
  /** Transaction: enrolments, so two kiosks never race for the same tracking prefix. */
  enrolment: 0x5348_0003,
} as const;

/** The first row the query returns, or null. */
export async function firstRow<R extends pg.QueryResultRow>(db: Queryable, sql: string, params: unknown[]): Promise<R | null> {
  const { rows } = await db.query<R>(sql, params);
  return rows[0] ?? null;
}

/** How many rows the statement inserted, updated or deleted. */
export async function rowsChanged(db: Queryable, sql: string, params: unknown[]): Promise<number> {
  return (await db.query(sql, params)).rowCount ?? 0;
}
