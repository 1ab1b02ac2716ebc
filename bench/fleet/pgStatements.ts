import pg from 'pg';

/**
 * FLEET_PG_STATEMENTS=1: where PostgreSQL's time went during a fleet run, from its own
 * `pg_stat_statements` (shipped with Debian's server package): the settings to start the cluster
 * with, then the most expensive statements, printed on stderr beside the JSON line.
 */
export const STATEMENT_STATS_SETTINGS = { shared_preload_libraries: 'pg_stat_statements' };

export async function startStatementStats(url: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
  } finally {
    await client.end();
  }
}

export async function printStatementStats(url: string, limit = 15): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ ms: string; calls: string; rows: string; mean: string; max: string; jit: string; query: string }>(
      `SELECT round(total_exec_time::numeric) AS ms, calls, rows, round(mean_exec_time::numeric, 3) AS mean, round(max_exec_time::numeric) AS max,
              jit_functions AS jit,
              left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT $1`,
      [limit],
    );
    // jit: functions PostgreSQL's JIT compiled for the statement, over the run (0 unless a plan's cost passed jit_above_cost).
    console.error('PostgreSQL statements by total time (ms, calls, rows, mean ms, max ms, JIT-compiled functions, statement):');
    for (const row of rows) {
      console.error(
        `${row.ms.padStart(8)} ${row.calls.padStart(7)} ${row.rows.padStart(8)} ${row.mean.padStart(9)} ${row.max.padStart(6)} ${row.jit.padStart(5)}  ${row.query}`,
      );
    }
  } finally {
    await client.end();
  }
}
