import type { Migration } from './index';

/**
 * What PostgreSQL checks and maintains per pushed request, trimmed where the writing transaction
 * already guarantees it (issue 11, docs/performance.md "What a push writes, audited"). What every
 * query reads and finds is unchanged.
 * - The outbox's row trigger of 012 stays. A statement trigger reading the statement's new rows
 *   (`REFERENCING NEW TABLE`) was tried here and measured cheaper on a short ingest, but under
 *   `bench:fleet` the change log's statement rose from 0.47 to 9.2 ms a push and grew with the
 *   table: the transition table has no statistics, and the plan cached by each connection early
 *   in a run (a small `requests`) no longer fits later.
 * - **No foreign keys from `status_changes` and `request_events` to `requests`.** Each was a
 *   `SELECT … FOR KEY SHARE` of the request per row (24,000 for 12,000 pushed requests, 83 ms).
 *   The writing transaction guarantees them: every writer of a change or an event inserts or
 *   reads the request first in the same transaction (the push, the console's actions through
 *   `current`, a portal withdrawal), and requests are never deleted (purged in place). The
 *   references of `requests` to `offices` and `devices` stay (12,000 lookups each): the store
 *   refuses a push naming an unknown office, a contract both engines hold (tests/backoffice/
 *   store/contract/push.ts), and they are the only check of it.
 * - **No `requests_by_tracking_code`.** Its only reader, the lookup by tracking code, now finds
 *   the prefix's owner first (`tracking_prefixes` by key) and the request through the
 *   `UNIQUE (device_id, tracking_code)` index: same answer, one index fewer per request.
 * SQLite keeps its schema: its lookup
 * by tracking code also accepts a re-enrolled kiosk of the prefix's office (it needs the index),
 * and dropping a reference there means rebuilding `requests` with every body in it.
 */
export const leanPushWrites: Migration = {
  version: 14,
  name: 'lean-push-writes',
  sql: `
    -- PostgreSQL only (see the comment above): nothing changes in SQLite's schema.
    SELECT 1;
  `,
  postgres: `
    ALTER TABLE status_changes DROP CONSTRAINT status_changes_request_id_fkey;
    ALTER TABLE request_events DROP CONSTRAINT request_events_request_id_fkey;
    DROP INDEX requests_by_tracking_code;
  `,
};
