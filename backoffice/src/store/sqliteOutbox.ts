import type Database from 'better-sqlite3';
import type { ClaimInput, NewOutboxMessage, OutboxMessage, OutboxMessageSummary, OutboxState, OutboxStore, RetryInput } from './outboxTypes';

/** The outbox row's columns as OutboxMessage's fields (payload still as text). */
export const OUTBOX_COLUMNS = `id, office_id AS officeId, request_id AS requestId, kind, channel, recipient, payload,
  idempotency_key AS idempotencyKey, state, attempts, next_attempt_at AS nextAttemptAt, lease_owner AS leaseOwner,
  lease_expires_at AS leaseExpiresAt, last_error AS lastError, created_at AS createdAt, sent_at AS sentAt`;

export const OUTBOX_SUMMARY_COLUMNS = `id, kind, channel, state, attempts, last_error AS lastError, created_at AS createdAt,
  sent_at AS sentAt, next_attempt_at AS nextAttemptAt`;

type OutboxRow = Omit<OutboxMessage, 'payload'> & { payload: string };

export function outboxMessageOf(row: OutboxRow): OutboxMessage {
  return { ...row, payload: JSON.parse(row.payload === '' ? '{}' : row.payload) as Record<string, unknown> };
}

const INSERT = `INSERT INTO outbox_messages (office_id, request_id, kind, channel, recipient, payload, idempotency_key, next_attempt_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`;

/**
 * Enqueues inside the caller's transaction (call it from within `db.transaction(...)`): the
 * message commits or rolls back with the rest. `exists`: a message with this key is already there.
 */
export function enqueueInSqlite(db: Database.Database, message: NewOutboxMessage): 'enqueued' | 'exists' {
  const { changes } = db
    .prepare(INSERT)
    .run(
      message.officeId,
      message.requestId,
      message.kind,
      message.channel,
      message.recipient,
      JSON.stringify(message.payload),
      message.idempotencyKey,
      message.at,
      message.at,
    );
  return changes === 1 ? 'enqueued' : 'exists';
}

/**
 * Inside the retention purge's transaction: the messages of the purged requests, and every
 * finished message created before the cutoff, lose their recipient and payload; a message of a
 * purged request still waiting is given up (its data is gone).
 */
export function purgeOutboxInSqlite(db: Database.Database, input: { requestIds: readonly string[]; finishedBefore: string; at: string }): void {
  const ofRequest = db.prepare(
    `UPDATE outbox_messages SET recipient = '', payload = '{}', purged_at = ?,
       state = CASE state WHEN 'pending' THEN 'failed' ELSE state END,
       last_error = CASE state WHEN 'pending' THEN 'purged' ELSE last_error END
     WHERE request_id = ? AND purged_at IS NULL`,
  );
  for (const id of input.requestIds) ofRequest.run(input.at, id);
  db.prepare(
    `UPDATE outbox_messages SET recipient = '', payload = '{}', purged_at = ?
     WHERE purged_at IS NULL AND state IN ('sent', 'failed') AND created_at <= ?`,
  ).run(input.at, input.finishedBefore);
}

/**
 * The outbox on SQLite. One writer at a time: a claim is a single guarded UPDATE … RETURNING, so
 * two workers (or two processes on the same file) never take the same row while its lease runs.
 */
export function sqliteOutbox(db: Database.Database): OutboxStore {
  const claim = db.prepare<[string, string, string, string, number, string], OutboxRow>(
    `UPDATE outbox_messages SET lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM outbox_messages
       WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_expires_at IS NULL OR lease_expires_at <= ?)
       ORDER BY next_attempt_at, id LIMIT ?)
       AND state = 'pending' AND (lease_expires_at IS NULL OR lease_expires_at <= ?)
     RETURNING ${OUTBOX_COLUMNS}`,
  );
  // Sent is a fact whoever holds the lease now: a second sender's late answer must not reopen it.
  const sent = db.prepare(
    `UPDATE outbox_messages SET state = 'sent', sent_at = ?, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL
     WHERE id = ? AND state = 'pending'`,
  );
  const retry = db.prepare(
    `UPDATE outbox_messages SET next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL
     WHERE id = ? AND state = 'pending' AND lease_owner = ?`,
  );
  const failed = db.prepare(
    `UPDATE outbox_messages SET state = 'failed', last_error = ?, sent_at = NULL, next_attempt_at = ?, lease_owner = NULL, lease_expires_at = NULL
     WHERE id = ? AND state = 'pending' AND lease_owner = ?`,
  );
  const ofRequest = db.prepare<[string, string], OutboxMessageSummary>(
    `SELECT ${OUTBOX_SUMMARY_COLUMNS} FROM outbox_messages WHERE office_id = ? AND request_id = ? ORDER BY id`,
  );
  const counts = db.prepare<[], { state: OutboxState; n: number }>('SELECT state, COUNT(*) AS n FROM outbox_messages GROUP BY state');
  return {
    async enqueueMessage(message) {
      return db.transaction(() => enqueueInSqlite(db, message)).immediate();
    },
    async claimDueMessages(input: ClaimInput) {
      // The guard is repeated outside the subquery: the UPDATE itself re-checks what it takes.
      return claim.all(input.owner, input.leaseUntil, input.now, input.now, input.limit, input.now).map(outboxMessageOf);
    },
    async markMessageSent(input) {
      return sent.run(input.at, input.id).changes === 1;
    },
    async markMessageRetry(input: RetryInput) {
      return retry.run(input.nextAttemptAt, input.error, input.id, input.owner).changes === 1;
    },
    async markMessageFailed(input) {
      return failed.run(input.error, input.at, input.id, input.owner).changes === 1;
    },
    async messagesOfRequest(officeId, requestId) {
      return ofRequest.all(officeId, requestId);
    },
    async outboxCounts() {
      const result: Record<OutboxState, number> = { pending: 0, sent: 0, failed: 0 };
      for (const row of counts.all()) result[row.state] = row.n;
      return result;
    },
  };
}
