import type { Migration } from './index';

/**
 * PostgreSQL keeps a request's search terms on its row, as one `tsvector` (`search_keys`,
 * lexemes `<office id>:<term>`) under a GIN index, instead of a row per term in
 * `request_search_terms` (issue 11, docs/performance.md "Search keys on the request"): the terms
 * were about half of PostgreSQL's time per pushed request (nine heap rows and eighteen b-tree
 * entries), and a GIN index's pending list (`fastupdate`, on by default) takes a request's terms
 * as one append, merged into the index in bulk. Prefix search is the index's partial match
 * (`'north:ami':*`), byte by byte as the terms' `COLLATE "C"` key was. The existing terms are
 * moved; the table and its two indexes go (postgres/pgSearchKeys.ts). SQLite keeps its
 * WITHOUT ROWID table: a b-tree row per term is what it does well.
 */
export const searchKeys: Migration = {
  version: 17,
  name: 'search-keys',
  sql: `
    -- PostgreSQL only (see the comment above): nothing changes in SQLite's schema.
    SELECT 1;
  `,
  postgres: `
    ALTER TABLE requests ADD COLUMN search_keys tsvector;
    UPDATE requests r SET search_keys = k.keys
      FROM (SELECT request_id, array_to_tsvector(array_agg(office_id || ':' || term)) AS keys FROM request_search_terms GROUP BY request_id) k
      WHERE r.id = k.request_id;
    DROP TABLE request_search_terms;
    CREATE INDEX requests_search_keys ON requests USING gin (search_keys);
  `,
};
