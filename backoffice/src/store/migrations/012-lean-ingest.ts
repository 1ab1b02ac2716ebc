import type { Migration } from './index';

/**
 * A push writes fewer index entries per request (issue 11, docs/performance.md "Ingest, leaner
 * writes"); what a query reads stays the same:
 * - SQLite: `request_search_terms` becomes a WITHOUT ROWID table clustered on its primary key
 *   (office, term, request): a term was a row in a hidden rowid tree plus the same columns again
 *   in the primary key's index; now it is one entry in the key's tree (and one in
 *   `request_search_terms_by_request`, which search's EXISTS and the purge use). Rows are copied.
 *   PostgreSQL's tables are heaps either way: unchanged there.
 * - `requests_by_portal_account` indexes only portal requests (partial index): a kiosk request's
 *   NULL no longer takes an entry. Every query of it compares `portal_account_id = ?`, which
 *   implies IS NOT NULL on both engines, so they still use it.
 * - The notification trigger of the outbox (009) first looks for `"agreed":true` in the body
 *   before parsing it: nothing is ever sent without that choice, and the body is canonical JSON
 *   (`canonicalRequestJson`, no whitespace), so the key reads exactly so when it is there. A
 *   request without it (most kiosk requests) no longer costs a JSON parse per `received` change;
 *   a false match (the text inside a field) only falls through to the same full check as before.
 */
export const leanIngest: Migration = {
  version: 12,
  name: 'lean-ingest',
  sql: `
    CREATE TABLE request_search_terms_v12 (
      office_id TEXT NOT NULL,
      term TEXT NOT NULL,
      request_id TEXT NOT NULL REFERENCES requests(id),
      PRIMARY KEY (office_id, term, request_id)
    ) WITHOUT ROWID;
    INSERT INTO request_search_terms_v12 (office_id, term, request_id) SELECT office_id, term, request_id FROM request_search_terms;
    DROP TABLE request_search_terms;
    ALTER TABLE request_search_terms_v12 RENAME TO request_search_terms;
    CREATE INDEX request_search_terms_by_request ON request_search_terms (request_id, term);

    DROP INDEX requests_by_portal_account;
    CREATE INDEX requests_by_portal_account ON requests (portal_account_id) WHERE portal_account_id IS NOT NULL;

    DROP TRIGGER status_changes_notify;
    CREATE TRIGGER status_changes_notify AFTER INSERT ON status_changes
    WHEN NEW.status IN ('received', 'ready', 'refused')
    BEGIN
      INSERT INTO outbox_messages (office_id, request_id, kind, channel, recipient, payload, idempotency_key, next_attempt_at, created_at)
      SELECT r.office_id, r.id, 'notification', ch.channel,
        CASE ch.channel WHEN 'sms' THEN json_extract(r.b, '$.identity.phone') ELSE json_extract(r.b, '$.contact.email') END,
        json_object('requestId', r.id, 'status', NEW.status, 'locale', json_extract(r.b, '$.locale'),
          'trackingCode', r.tracking_code, 'reasonCode', NEW.reason_code),
        'notification:' || r.id || ':' || NEW.status || ':' || ch.channel, NEW.changed_at, NEW.changed_at
      FROM (SELECT id, office_id, tracking_code,
              CASE WHEN purged_at IS NULL AND instr(body, '"agreed":true') > 0 AND json_valid(body) THEN body END AS b
            FROM requests WHERE id = NEW.request_id) r
      CROSS JOIN (SELECT 'sms' AS channel UNION ALL SELECT 'email') ch
      WHERE r.b IS NOT NULL
        AND json_extract(r.b, '$.contact.agreed') = 1
        AND (NEW.status <> 'received' OR json_extract(r.b, '$.contact.notifyReceived') = 1)
        AND COALESCE(CASE ch.channel WHEN 'sms' THEN json_extract(r.b, '$.identity.phone') ELSE json_extract(r.b, '$.contact.email') END, '') <> ''
      ON CONFLICT (idempotency_key) DO NOTHING;
    END;
  `,
  postgres: `
    DROP INDEX requests_by_portal_account;
    CREATE INDEX requests_by_portal_account ON requests (portal_account_id) WHERE portal_account_id IS NOT NULL;

    CREATE OR REPLACE FUNCTION outbox_notify_status_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NEW.status IN ('received', 'ready', 'refused') THEN
        INSERT INTO outbox_messages (office_id, request_id, kind, channel, recipient, payload, idempotency_key, next_attempt_at, created_at)
        SELECT r.office_id, r.id, 'notification', ch.channel, ch.recipient,
          jsonb_build_object('requestId', r.id, 'status', NEW.status, 'locale', r.b ->> 'locale',
            'trackingCode', r.tracking_code, 'reasonCode', NEW.reason_code)::text,
          'notification:' || r.id || ':' || NEW.status || ':' || ch.channel, NEW.changed_at, NEW.changed_at
        FROM (SELECT id, office_id, tracking_code,
                CASE WHEN purged_at IS NULL AND strpos(body, '"agreed":true') > 0 THEN body::jsonb END AS b
              FROM requests WHERE id = NEW.request_id) r
        CROSS JOIN LATERAL (VALUES ('sms', r.b #>> '{identity,phone}'), ('email', r.b #>> '{contact,email}')) AS ch(channel, recipient)
        WHERE r.b IS NOT NULL
          AND (r.b #>> '{contact,agreed}') = 'true'
          AND (NEW.status <> 'received' OR (r.b #>> '{contact,notifyReceived}') = 'true')
          AND COALESCE(ch.recipient, '') <> ''
        ON CONFLICT (idempotency_key) DO NOTHING;
      END IF;
      RETURN NULL;
    END
    $fn$;
  `,
};
