import type { Migration } from './index';

/**
 * What PostgreSQL checks and maintains per pushed request, trimmed where the writing transaction
 * already guarantees it (issue 11, docs/performance.md "What a push writes, audited"). What every
 * query reads and finds is unchanged.
 * - **The outbox's notification trigger runs once per statement, not once per row.** A push logs
 *   500 `received` changes in one INSERT; the row trigger of 009/012 ran its function and its
 *   INSERT … SELECT 500 times (12,000 calls took 406 ms of a 4.6 s run, ~34 µs a row, almost all
 *   for requests without the citizen's agreement, which write nothing). The statement trigger
 *   reads the statement's new rows (`REFERENCING NEW TABLE`) and writes every notification in one
 *   INSERT, in the same order (by `seq`, SMS before e-mail), with the same filters and the same
 *   idempotency keys; changes of other statuses are skipped before any request is read.
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
 * SQLite keeps its schema: its row trigger already skips other statuses with `WHEN`, its lookup
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

    DROP TRIGGER status_changes_notify ON status_changes;
    DROP FUNCTION outbox_notify_status_change();
    CREATE FUNCTION outbox_notify_status_changes() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO outbox_messages (office_id, request_id, kind, channel, recipient, payload, idempotency_key, next_attempt_at, created_at)
      SELECT r.office_id, r.id, 'notification', ch.channel, ch.recipient,
        jsonb_build_object('requestId', r.id, 'status', n.status, 'locale', r.b ->> 'locale',
          'trackingCode', r.tracking_code, 'reasonCode', n.reason_code)::text,
        'notification:' || r.id || ':' || n.status || ':' || ch.channel, n.changed_at, n.changed_at
      FROM changed n
      CROSS JOIN LATERAL (SELECT id, office_id, tracking_code,
              CASE WHEN purged_at IS NULL AND strpos(body, '"agreed":true') > 0 THEN body::jsonb END AS b
            FROM requests WHERE id = n.request_id) r
      CROSS JOIN LATERAL (VALUES (1, 'sms', r.b #>> '{identity,phone}'), (2, 'email', r.b #>> '{contact,email}')) AS ch(rank, channel, recipient)
      WHERE n.status IN ('received', 'ready', 'refused')
        AND r.b IS NOT NULL
        AND (r.b #>> '{contact,agreed}') = 'true'
        AND (n.status <> 'received' OR (r.b #>> '{contact,notifyReceived}') = 'true')
        AND COALESCE(ch.recipient, '') <> ''
      ORDER BY n.seq, ch.rank
      ON CONFLICT (idempotency_key) DO NOTHING;
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER status_changes_notify AFTER INSERT ON status_changes
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify_status_changes();
  `,
};
