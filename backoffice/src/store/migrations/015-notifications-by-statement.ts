import type { Migration } from './index';

/**
 * PostgreSQL writes the citizen's notifications of status changes from the statement that writes
 * the changes (a data-modifying CTE, `notificationsOfChanges` in postgres/pgOutbox.ts) instead of
 * 012's plpgsql row trigger: one set-based INSERT per statement, where the trigger made a function
 * call and a lookup of the request per change, a pushed `received` change included (issue 11,
 * docs/performance.md "PostgreSQL ingest per request"). Same rule, keys and order. The two writers
 * of `status_changes` (the change log's append and the console's mutation) both carry it.
 * Not a statement trigger over a transition table: that was tried in 014 and its cached plans went
 * stale under bench:fleet. SQLite keeps its trigger (its `WHEN` already skips other statuses).
 */
export const notificationsByStatement: Migration = {
  version: 15,
  name: 'notifications-by-statement',
  sql: `
    -- PostgreSQL only (see the comment above): nothing changes in SQLite's schema.
    SELECT 1;
  `,
  postgres: `
    DROP TRIGGER status_changes_notify ON status_changes;
    DROP FUNCTION outbox_notify_status_change();
  `,
};
