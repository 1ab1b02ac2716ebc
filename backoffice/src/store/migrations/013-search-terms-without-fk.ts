import type { Migration } from './index';

/**
 * The search terms lose their foreign key to `requests` (issue 11, docs/performance.md "Search
 * terms, cheaper to write"): every term of a push was a lookup of its request's key, 220,000 of the
 * 264,000 foreign key checks of 20,000 pushed requests on PostgreSQL. Nothing is lost by it: a
 * term is only ever written for a request of the same transaction (a push's accepted rows, the
 * start-up indexing of a stored request), requests are never deleted, and the purge and a
 * withdrawal delete a request's terms explicitly (through `request_search_terms_by_request`,
 * which stays for them and for search's EXISTS).
 * - PostgreSQL: the constraint is dropped (the name PostgreSQL gave it in 005), and `term` is
 *   compared byte by byte (`COLLATE "C"`), as search already compares it: in a database whose
 *   default collation is not C (en_US.UTF-8, ICU), every key comparison of the term's two
 *   indexes went through the locale (the terms of 20,000 pushed requests took 7.9 s to insert there, 4.8 s in a C
 *   database), and search's `term COLLATE "C"` ranges could not use the key at all. The ids keep
 *   the default collation: they are compared with `requests.id`.
 * - SQLite cannot drop a constraint: the table is rebuilt as 012 left it, without the reference,
 *   and its rows are copied.
 */
export const searchTermsWithoutForeignKey: Migration = {
  version: 13,
  name: 'search-terms-without-fk',
  sql: `
    CREATE TABLE request_search_terms_v13 (
      office_id TEXT NOT NULL,
      term TEXT NOT NULL,
      request_id TEXT NOT NULL,
      PRIMARY KEY (office_id, term, request_id)
    ) WITHOUT ROWID;
    INSERT INTO request_search_terms_v13 (office_id, term, request_id) SELECT office_id, term, request_id FROM request_search_terms;
    DROP TABLE request_search_terms;
    ALTER TABLE request_search_terms_v13 RENAME TO request_search_terms;
    CREATE INDEX request_search_terms_by_request ON request_search_terms (request_id, term);
  `,
  postgres: `
    ALTER TABLE request_search_terms DROP CONSTRAINT request_search_terms_request_id_fkey;
    ALTER TABLE request_search_terms ALTER COLUMN term TYPE TEXT COLLATE "C";
  `,
};
