import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../backoffice/src/store/migrations/index';
import { openStore } from '../../../backoffice/src/store/openStore';
import { migratePostgres } from '../../../backoffice/src/store/postgres/migrate';
import { createPool } from '../../../backoffice/src/store/postgres/pool';
import { searchQueryInput } from '../../../backoffice/src/store/postgres/pgSearchKeys';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../scripts/throwawayPostgres';

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Search behaves alike on both engines (the store contract); here, what only PostgreSQL's keys must hold.
describe('PostgreSQL search keys (migration 017)', () => {
  // The throw-away cluster is made with the C locale; a deployment's database often is not.
  it('matches prefixes through the GIN index, byte by byte, in a database whose collation is not C', async () => {
    await withClient(cluster.url(), (admin) =>
      admin.query(`CREATE DATABASE icu TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.utf8'`),
    );
    const store = await openStore({ engine: 'postgres', url: cluster.url('icu'), poolSize: 2 });
    await store.close();
    await withClient(cluster.url('icu'), async (client) => {
      const table = await client.query(`SELECT to_regclass('request_search_terms') AS t`);
      expect(table.rows).toEqual([{ t: null }]);
      // The search's condition (pgConsole.ts) can be answered by the index (on an empty table, the
      // planner would rather walk the office's requests; with thousands of them it takes the index).
      await client.query('SET enable_seqscan = off');
      const query = searchQueryInput('north', ['ami']).replace(/'/g, "''");
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM requests r WHERE r.search_keys @@ '${query}'::tsquery`);
      const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Bitmap Index Scan on requests_search_keys/);
      // An accented letter sorts beside its base letter in en-US, not byte by byte: only the bytes decide here.
      const matched = await client.query<{ m: boolean }>(
        `SELECT (array_to_tsvector(ARRAY['north:émile', 'north:emile2']) @@ $1::tsquery) AS m UNION ALL
         SELECT array_to_tsvector(ARRAY['north:émile']) @@ $1::tsquery`,
        [searchQueryInput('north', ['em'])],
      );
      expect(matched.rows).toEqual([{ m: true }, { m: false }]);
    });
  }, 60_000);

  it('moves the terms of a database migrated before 017 onto their requests, each under its office', async () => {
    const url = await cluster.createDatabase('before017');
    const pool = createPool(url, 1);
    try {
      await migratePostgres(pool, MIGRATIONS.filter((migration) => migration.version < 17));
      await pool.query(`INSERT INTO offices (id, name, created_at) VALUES ('north', 'North', 't'), ('south', 'South', 't')`);
      await pool.query(`INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('d1', 'north', 'k', 'h', 'ABC', 't')`);
      await pool.query(
        `INSERT INTO requests (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at, search_indexed)
         VALUES ('r1', 'north', 'd1', 1, 'ABC-1', 's', '{}', 'received', 't', 1), ('r2', 'north', 'd1', 2, 'ABC-2', 's', '{}', 'received', 't', 0)`,
      );
      await pool.query(`INSERT INTO request_search_terms (office_id, term, request_id) VALUES ('north', 'amina', 'r1'), ('north', 'abc1', 'r1'), ('north', 'o''brien', 'r1')`);
      expect(await migratePostgres(pool)).toEqual([17]);
      const { rows } = await pool.query<{ id: string; keys: string[] | null }>('SELECT id, tsvector_to_array(search_keys) AS keys FROM requests ORDER BY id');
      expect(rows).toEqual([
        { id: 'r1', keys: ['north:abc1', 'north:amina', "north:o'brien"] },
        { id: 'r2', keys: null },
      ]);
      const found = await pool.query('SELECT id FROM requests WHERE search_keys @@ $1::tsquery', [searchQueryInput('north', ["o'b"])]);
      expect(found.rows).toEqual([{ id: 'r1' }]);
      const elsewhere = await pool.query('SELECT id FROM requests WHERE search_keys @@ $1::tsquery', [searchQueryInput('south', ['ami'])]);
      expect(elsewhere.rows).toEqual([]);
    } finally {
      await pool.end();
    }
  }, 60_000);
});
