import type { Migration } from './index';

/**
 * The message outbox (docs/messages.md): one row per message to send, written in the same
 * transaction as what caused it, sent by the worker (backoffice/src/messages/worker.ts).
 *
 * Notifications to the citizen are written by a trigger on `status_changes`, so every path that
 * changes a status (the console, certificate issuing, the CLI, a kiosk's push for `received`, a
 * commune's answer) enqueues them in its own transaction, on both engines, without having to
 * remember to. The trigger reads the citizen's contact choice from the request's body (the
 * `contact` field; absent, or `agreed` false: nothing) and writes one row per channel that has
 * a recipient; the idempotency key `notification:<request>:<status>:<channel>` is unique, so a
 * status reached twice is told once. Other kinds (`forward`) are enqueued by code
 * (sqliteOutbox.ts / pgOutbox.ts) inside their own transaction.
 *
 * `recipient` and `payload` are personal data: emptied by the retention purge (`purged_at`).
 * `request_id` has no foreign key so a request may be deleted (the portal's "delete my request")
 * together with its messages. `last_error` holds a short code, never the recipient or the text.
 */
const TABLE = `
    CREATE TABLE outbox_messages (
      id $ID,
      office_id TEXT NOT NULL REFERENCES offices(id),
      request_id TEXT,
      kind TEXT NOT NULL,
      channel TEXT NOT NULL,
      recipient TEXT NOT NULL,
      payload TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL DEFAULT 'pending',
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      lease_owner TEXT,
      lease_expires_at TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      sent_at TEXT,
      purged_at TEXT
    );
    CREATE INDEX outbox_messages_due ON outbox_messages (state, next_attempt_at);
    CREATE INDEX outbox_messages_by_request ON outbox_messages (request_id);
`;

export const outbox: Migration = {
  version: 9,
  name: 'outbox',
  sql:
    TABLE.replace('$ID', 'INTEGER PRIMARY KEY') +
    `
    CREATE TRIGGER status_changes_notify AFTER INSERT ON status_changes
    WHEN NEW.status IN ('received', 'ready', 'refused')
    BEGIN
      INSERT INTO outbox_messages (office_id, request_id, kind, channel, recipient, payload, idempotency_key, next_attempt_at, created_at)
      SELECT r.office_id, r.id, 'notification', ch.channel,
        CASE ch.channel WHEN 'sms' THEN json_extract(r.b, '$.identity.phone') ELSE json_extract(r.b, '$.contact.email') END,
        json_object('requestId', r.id, 'status', NEW.status, 'locale', json_extract(r.b, '$.locale'),
          'trackingCode', r.tracking_code, 'reasonCode', NEW.reason_code),
        'notification:' || r.id || ':' || NEW.status || ':' || ch.channel, NEW.changed_at, NEW.changed_at
      FROM (SELECT id, office_id, tracking_code, CASE WHEN purged_at IS NULL AND json_valid(body) THEN body END AS b
            FROM requests WHERE id = NEW.request_id) r
      CROSS JOIN (SELECT 'sms' AS channel UNION ALL SELECT 'email') ch
      WHERE json_extract(r.b, '$.contact.agreed') = 1
        AND (NEW.status <> 'received' OR json_extract(r.b, '$.contact.notifyReceived') = 1)
        AND COALESCE(CASE ch.channel WHEN 'sms' THEN json_extract(r.b, '$.identity.phone') ELSE json_extract(r.b, '$.contact.email') END, '') <> ''
      ON CONFLICT (idempotency_key) DO NOTHING;
    END;
  `,
  postgres:
    TABLE.replace('$ID', 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY') +
    `
    CREATE FUNCTION outbox_notify_status_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NEW.status IN ('received', 'ready', 'refused') THEN
        INSERT INTO outbox_messages (office_id, request_id, kind, channel, recipient, payload, idempotency_key, next_attempt_at, created_at)
        SELECT r.office_id, r.id, 'notification', ch.channel, ch.recipient,
          jsonb_build_object('requestId', r.id, 'status', NEW.status, 'locale', r.b ->> 'locale',
            'trackingCode', r.tracking_code, 'reasonCode', NEW.reason_code)::text,
          'notification:' || r.id || ':' || NEW.status || ':' || ch.channel, NEW.changed_at, NEW.changed_at
        FROM (SELECT id, office_id, tracking_code, CASE WHEN purged_at IS NULL AND body <> '' THEN body::jsonb END AS b
              FROM requests WHERE id = NEW.request_id) r
        CROSS JOIN LATERAL (VALUES ('sms', r.b #>> '{identity,phone}'), ('email', r.b #>> '{contact,email}')) AS ch(channel, recipient)
        WHERE (r.b #>> '{contact,agreed}') = 'true'
          AND (NEW.status <> 'received' OR (r.b #>> '{contact,notifyReceived}') = 'true')
          AND COALESCE(ch.recipient, '') <> ''
        ON CONFLICT (idempotency_key) DO NOTHING;
      END IF;
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER status_changes_notify AFTER INSERT ON status_changes FOR EACH ROW EXECUTE FUNCTION outbox_notify_status_change();
  `,
};
