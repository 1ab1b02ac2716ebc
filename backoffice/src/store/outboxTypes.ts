/**
 * The message outbox (docs/messages.md): messages to send, written in the transaction of what
 * caused them and sent by the worker (backoffice/src/messages/worker.ts), at least once, with
 * an idempotency key. Generic over kinds: the worker finds the deliverer of a row's `kind`.
 * Implemented on SQLite (sqliteOutbox.ts) and PostgreSQL (postgres/pgOutbox.ts), checked on both
 * by tests/backoffice/messages/outboxContract.ts.
 *
 * Enqueue INSIDE an existing transaction with the engine's own function, so the message commits
 * or rolls back with its cause: `enqueueInSqlite(db, message)` (synchronous, inside
 * `db.transaction`) and `enqueueInPostgres(client, message)` (on the transaction's client).
 * Notifications of status changes need no call: a trigger on `status_changes` writes them
 * (migration 009).
 */

/** `notification`: a message to the citizen about their request. `forward`: a request sent to the body that handles it. */
export const OUTBOX_KINDS = ['notification', 'forward'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** `http`: a signed JSON POST to a body's endpoint (forwarded requests). */
export const OUTBOX_CHANNELS = ['sms', 'email', 'http'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * `pending`: waiting for its next attempt (or being sent, while a worker holds its lease).
 * `sent`: the provider accepted it. `failed`: given up (permanent error, or the attempt cap).
 */
export const OUTBOX_STATES = ['pending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface NewOutboxMessage {
  officeId: string;
  /** The request it is about, if any: shown on the request's page, purged with it. */
  requestId: string | null;
  kind: OutboxKind;
  channel: OutboxChannel;
  /** Phone (E.164), e-mail address or URL. Personal data: emptied by the retention purge. */
  recipient: string;
  /** What the kind's deliverer needs, JSON; validated again by the deliverer before sending. */
  payload: Record<string, unknown>;
  /** Unique across the outbox, e.g. `forward:<requestId>:<bodyId>`; a second enqueue with it is ignored. */
  idempotencyKey: string;
  /** ISO time: created, and due. */
  at: string;
}

export interface OutboxMessage {
  id: number;
  officeId: string;
  requestId: string | null;
  kind: OutboxKind;
  channel: OutboxChannel;
  recipient: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  state: OutboxState;
  /** Attempts started so far, this one included once claimed (a crash mid-send counts). */
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  /** A short code (`smtp_550`, `sms_timeout`, `channel_not_configured`), never personal data. */
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** What the console shows of a request's messages: no recipient, no text. */
export interface OutboxMessageSummary {
  id: number;
  kind: OutboxKind;
  channel: OutboxChannel;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

export interface ClaimInput {
  /** This worker's id (unique per process), recorded as the lease owner. */
  owner: string;
  /** ISO time, the worker's clock. */
  now: string;
  /** ISO time until which the claimed rows are this worker's; past it, another worker may take them again. */
  leaseUntil: string;
  limit: number;
}

export interface RetryInput {
  id: number;
  owner: string;
  error: string;
  /** ISO time of the next attempt. */
  nextAttemptAt: string;
}

export interface OutboxStore {
  /** Enqueues in a transaction of its own. `exists`: a message with this key is already there (nothing changed). */
  enqueueMessage(message: NewOutboxMessage): Promise<'enqueued' | 'exists'>;
  /**
   * Takes up to `limit` pending messages that are due and not leased (or whose lease expired),
   * oldest due first, sets their lease and counts one more attempt. Safe with several workers and
   * several instances: a row is never handed to two claims while its lease runs.
   */
  claimDueMessages(input: ClaimInput): Promise<OutboxMessage[]>;
  /** The provider accepted it. True when this call marked it (false: already sent or failed). */
  markMessageSent(input: { id: number; owner: string; at: string }): Promise<boolean>;
  /** Back to pending, due at `nextAttemptAt`; only by the lease's owner. */
  markMessageRetry(input: RetryInput): Promise<boolean>;
  /** Given up; only by the lease's owner. */
  markMessageFailed(input: { id: number; owner: string; error: string; at: string }): Promise<boolean>;
  /** A request's messages, oldest first; none when the request is another office's. */
  messagesOfRequest(officeId: string, requestId: string): Promise<OutboxMessageSummary[]>;
  /** How many messages are in each state (the operator's view, the benchmark's end). */
  outboxCounts(): Promise<Record<OutboxState, number>>;
}
