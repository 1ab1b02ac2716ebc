import type pg from 'pg';
import type { RateLimitHit } from '../rateLimitTypes';

/** Created with the migrations, under their lock; not a migration, since SQLite keeps no such table. */
export const RATE_LIMIT_TABLE_SQL = `CREATE UNLOGGED TABLE IF NOT EXISTS rate_limit_hits (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  reset_at_ms BIGINT NOT NULL
)`;

/** Windows ended this long ago are deleted now and then, so the table holds only live counters. */
const SWEEP_EVERY_HITS = 5_000;

/**
 * Counters in the database, timed by the database's clock (instances' clocks may differ): one
 * upsert per hit, atomic under the row lock, so N instances count together.
 */
export function pgRateLimits(pool: pg.Pool) {
  let hitsSinceSweep = 0;
  return {
    hitRateLimit: async (key: string, windowMs: number): Promise<RateLimitHit> => {
      if (++hitsSinceSweep >= SWEEP_EVERY_HITS) {
        hitsSinceSweep = 0;
        await pool.query('DELETE FROM rate_limit_hits WHERE reset_at_ms < (extract(epoch FROM clock_timestamp()) * 1000)::bigint');
      }
      // Named (prepared once per connection): every rate-limited call counts here.
      const { rows } = await pool.query<{ count: number; ttlMs: number }>({
        name: 'hit-rate-limit',
        text: `WITH now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)
         INSERT INTO rate_limit_hits AS h (key, count, reset_at_ms) SELECT $1, 1, now.ms + $2 FROM now
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN h.reset_at_ms <= (SELECT ms FROM now) THEN 1 ELSE h.count + 1 END,
           reset_at_ms = CASE WHEN h.reset_at_ms <= (SELECT ms FROM now) THEN (SELECT ms FROM now) + $2 ELSE h.reset_at_ms END
         RETURNING h.count, h.reset_at_ms - (SELECT ms FROM now) AS "ttlMs"`,
        values: [key, windowMs],
      });
      return rows[0]!;
    },
  };
}
