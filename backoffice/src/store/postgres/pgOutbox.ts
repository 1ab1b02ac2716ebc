import type pg from 'pg';
import type { ClaimInput, NewOutboxMessage, OutboxMessage, OutboxMessageSummary, OutboxState, OutboxStore, RetryInput } from '../outboxTypes';
import { inTransaction, type Queryable } from './pool';

const OUTBOX_COLUMNS = `id, office_id AS "officeId", request_id AS "requestId", kind, channel, recipient, payload,
  idempotency_key AS "idempotencyKey", state, attempts, next_attempt_at AS "nextAttemptAt", lease_owner AS "leaseOwner",
  lease_expires_at AS "leaseExpiresAt", last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"`;

const OUTBOX_SUMMARY_COLUMNS = `id, kind, channel, state, attempts, last_error AS "lastError", created_at AS "createdAt",
  sent_at AS "sentAt", next_attempt_at AS "nextAttemptAt"`;

type OutboxRow = Omit<OutboxMessage, 'payload'> & { payload: string };

function outboxMessageOf(row: OutboxRow): OutboxMessage {
  return { ...row, payload: JSON.parse(row.payload === '' ? '{}' : row.payload) as Record<string, unknown> };
}

/**
 * Enqueues on the caller's transaction client: the message commits or rolls back with the rest.
 * `exists`: a message with this key is already there.
 */
export async function enqueueInPostgres(client: Queryable, message: NewOutboxMessage): Promise<'enqueued' | 'exists'> {
  const { rowCount } = await client.query(
    `INSERT INTO outbox_messages (office_id, request_id, kind, channel, recipient, payload, idempotency_key, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (idempotency_key) DO NOTHING`,
    [message.officeId, message.requestId, message.kind, message.channel, message.recipient, JSON.stringify(message.payload), message.idempotencyKey, message.at],
  );
  return rowCount === 1 ? 'enqueued' : 'exists';
}

/**
 * The citizen's notifications of status changes just written, as a data-modifying CTE's INSERT:
 * `changes` names a CTE of the statement with `seq`, `request_id`, `status`, `reason_code` and
 * `changed_at` (the RETURNING of the `status_changes` insert). On PostgreSQL the statement that
 * writes a change writes its notifications too (migration 015: one set-based insert per statement
 * instead of 012's plpgsql trigger call per row); SQLite keeps its trigger, with the same rule:
 * a `received`, `ready` or `refused` change of an unpurged request whose citizen agreed (and asked
 * to hear of `received`) gives one message per channel they gave, sms first, keyed so that it is
 * written once. The body is parsed only when it holds `"agreed":true` (the canonical form).
 * The join reads `requests` in the statement's snapshot: every writer inserts or updates the
 * request in an earlier statement of its transaction.
 */
export function notificationsOfChanges(changes: string): string {
  return `INSERT INTO outbox_messages (office_id, request_id, kind, channel, recipient, payload, idempotency_key, next_attempt_at, created_at)
       SELECT r.office_id, r.id, 'notification', ch.channel, ch.recipient,
         jsonb_build_object('requestId', r.id, 'status', c.status, 'locale', r.b ->> 'locale',
           'trackingCode', r.tracking_code, 'reasonCode', c.reason_code)::text,
         'notification:' || r.id || ':' || c.status || ':' || ch.channel, c.changed_at, c.changed_at
       FROM ${changes} c
         JOIN LATERAL (SELECT id, office_id, tracking_code, body::jsonb AS b FROM requests
                       WHERE id = c.request_id AND purged_at IS NULL AND strpos(body, '"agreed":true') > 0) r ON true
         CROSS JOIN LATERAL (VALUES (1, 'sms', r.b #>> '{identity,phone}'), (2, 'email', r.b #>> '{contact,email}')) AS ch(n, channel, recipient)
       WHERE c.status IN ('received', 'ready', 'refused')
         AND (r.b #>> '{contact,agreed}') = 'true'
         AND (c.status <> 'received' OR (r.b #>> '{contact,notifyReceived}') = 'true')
         AND COALESCE(ch.recipient, '') <> ''
       ORDER BY c.seq, ch.n
       ON CONFLICT (idempotency_key) DO NOTHING`;
}

/** Inside the retention purge's transaction; the same rule as purgeOutboxInSqlite. */
export async function purgeOutboxInPostgres(client: Queryable, input: { requestIds: readonly string[]; finishedBefore: string; at: string }): Promise<void> {
  if (input.requestIds.length > 0) {
    await client.query(
      `UPDATE outbox_messages SET recipient = '', payload = '{}', purged_at = $1,
         state = CASE state WHEN 'pending' THEN 'failed' ELSE state END,
         last_error = CASE state WHEN 'pending' THEN 'purged' ELSE last_error END
       WHERE request_id = ANY($2::text[]) AND purged_at IS NULL`,
      [input.at, input.requestIds],
    );
  }
  await client.query(
    `UPDATE outbox_messages SET recipient = '', payload = '{}', purged_at = $1
     WHERE purged_at IS NULL AND state IN ('sent', 'failed') AND created_at <= $2`,
    [input.at, input.finishedBefore],
  );
}

/**
 * The outbox on PostgreSQL, for several back-office instances: a claim locks the due rows it
 * takes with FOR UPDATE SKIP LOCKED, so concurrent claims split the work instead of waiting or
 * taking the same rows.
 */
export function pgOutbox(pool: pg.Pool): OutboxStore {
  return {
    enqueueMessage: (message) => inTransaction(pool, (client) => enqueueInPostgres(client, message)),
    async claimDueMessages(input: ClaimInput) {
      const { rows } = await pool.query<OutboxRow>(
        `UPDATE outbox_messages SET lease_owner = $1, lease_expires_at = $2, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox_messages
           WHERE state = 'pending' AND next_attempt_at <= $3 AND (lease_expires_at IS NULL OR lease_expires_at <= $3)
           ORDER BY next_attempt_at, id LIMIT $4
           FOR UPDATE SKIP LOCKED)
         RETURNING ${OUTBOX_COLUMNS}`,
        [input.owner, input.leaseUntil, input.now, input.limit],
      );
      return rows.map(outboxMessageOf).sort((a, b) => (a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : a.id - b.id));
    },
    async markMessageSent(input) {
      const { rowCount } = await pool.query(
        `UPDATE outbox_messages SET state = 'sent', sent_at = $1, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL
         WHERE id = $2 AND state = 'pending'`,
        [input.at, input.id],
      );
      return rowCount === 1;
    },
    async markMessageRetry(input: RetryInput) {
      const { rowCount } = await pool.query(
        `UPDATE outbox_messages SET next_attempt_at = $1, last_error = $2, lease_owner = NULL, lease_expires_at = NULL
         WHERE id = $3 AND state = 'pending' AND lease_owner = $4`,
        [input.nextAttemptAt, input.error, input.id, input.owner],
      );
      return rowCount === 1;
    },
    async markMessageFailed(input) {
      const { rowCount } = await pool.query(
        `UPDATE outbox_messages SET state = 'failed', last_error = $1, next_attempt_at = $2, lease_owner = NULL, lease_expires_at = NULL
         WHERE id = $3 AND state = 'pending' AND lease_owner = $4`,
        [input.error, input.at, input.id, input.owner],
      );
      return rowCount === 1;
    },
    async messagesOfRequest(officeId, requestId) {
      const { rows } = await pool.query<OutboxMessageSummary>(
        `SELECT ${OUTBOX_SUMMARY_COLUMNS} FROM outbox_messages WHERE office_id = $1 AND request_id = $2 ORDER BY id`,
        [officeId, requestId],
      );
      return rows;
    },
    async outboxCounts() {
      const { rows } = await pool.query<{ state: OutboxState; n: number }>('SELECT state, COUNT(*) AS n FROM outbox_messages GROUP BY state');
      const result: Record<OutboxState, number> = { pending: 0, sent: 0, failed: 0 };
      for (const row of rows) result[row.state] = row.n;
      return result;
    },
  };
}
