import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../backoffice/src/store/openStore';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../scripts/throwawayPostgres';

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

// The throw-away cluster is made with the C locale; a deployment's database often is not.
describe('PostgreSQL search terms in a database whose collation is not C', () => {
  it('compares terms byte by byte, so that search\'s prefix ranges use the key, and keeps no foreign key to requests', async () => {
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE icu TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.utf8'`);
    } finally {
      await admin.end();
    }
    const store = await openStore({ engine: 'postgres', url: cluster.url('icu'), poolSize: 2 });
    await store.close();
    const client = new pg.Client({ connectionString: cluster.url('icu') });
    await client.connect();
    try {
      const { rows } = await client.query<{ collation: string | null }>(
        `SELECT collation_name AS collation FROM information_schema.columns WHERE table_name = 'request_search_terms' AND column_name = 'term'`,
      );
      expect(rows).toEqual([{ collation: 'C' }]);
      const keys = await client.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'request_search_terms'::regclass AND contype = 'f'`);
      expect(keys.rows).toEqual([]);
      // The range search's matching part writes (pgConsole.ts), planned as on an empty table.
      await client.query('SET enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT t.request_id FROM request_search_terms t WHERE t.office_id = 'north' AND t.term COLLATE "C" >= 'ami' AND t.term COLLATE "C" < 'ami\uffff'`,
      );
      const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Cond: \(\(office_id = 'north'::text\) AND \(term >= 'ami'::text\) AND \(term < /);
    } finally {
      await client.end();
    }
  }, 60_000);
});
