import type { DirectoryBody, ForwardAnswer } from '../../../src/domain/routing';
import type { MutationOutcome, RequestMutation } from './consoleTypes';
import type { NewOutboxMessage } from './outboxTypes';

/**
 * The office's directory of bodies and the requests forwarded to them (migration 010), on SQLite
 * (sqliteDirectory.ts) and PostgreSQL (postgres/pgDirectory.ts). Every read is scoped by office:
 * another office's body or forward is "not found".
 */

export interface NewBody {
  id: string;
  officeId: string;
  kind: string;
  nameAr: string;
  nameFr: string;
  communes: readonly string[];
  email: string | null;
  endpoint: string | null;
  createdAt: string;
}

/** A request sent to a body, as its row stands. */
export interface ForwardRow {
  id: string;
  requestId: string;
  officeId: string;
  bodyId: string;
  nonce: string;
  forwardedAt: string;
  dueAt: string | null;
  sentAt: string | null;
  answeredAt: string | null;
  answer: ForwardAnswer | null;
  documentType: string | null;
}

export interface NewForward {
  id: string;
  bodyId: string;
  nonce: string;
  dueAt: string | null;
}

/**
 * Called inside the forward's transaction, once its row is written: the messages outbox's enqueue
 * (kind `forward`), so the forward and its delivery commit or roll back together.
 */
export type ForwardEnqueueHook = (forward: ForwardRow, tx: unknown) => void | Promise<void>;

export interface ForwardAnswerInput {
  forwardId: string;
  /** The token's nonce: the answer is taken only if it is the forward's and still unused. */
  nonce: string;
  answer: ForwardAnswer;
  document: { bytes: Buffer; type: string } | null;
  /** The status change, applied in the same transaction (its expectedVersion read there too). */
  mutation: Omit<RequestMutation, 'expectedVersion'>;
  at: string;
}

export type ForwardAnswerOutcome =
  | { ok: true; mutation: MutationOutcome & { ok: true } }
  | { ok: false; reason: 'notFound' | 'used' | 'statusChanged' };

export interface DirectoryStore {
  addBody(body: NewBody): Promise<DirectoryBody>;
  /** The office's bodies, removed ones included when asked (they stay for the forwards that name them). */
  listBodies(officeId: string, includeRemoved?: boolean): Promise<DirectoryBody[]>;
  getBody(officeId: string, bodyId: string): Promise<DirectoryBody | null>;
  /** Removes from routing (kept for history); false when not the office's or already removed. */
  removeBody(officeId: string, bodyId: string, at: string): Promise<boolean>;

  /**
   * The console's mutation (e.g. received → inReview) and, when given, the forward's row, in ONE
   * transaction, with the outbox hook called inside it. A version conflict writes neither.
   */
  mutateAndForward(mutation: RequestMutation, forward: NewForward | null): Promise<MutationOutcome & { forward: ForwardRow | null }>;
  getForward(forwardId: string): Promise<ForwardRow | null>;
  /** The request's forwards, office scoped, newest first. */
  forwardsOf(officeId: string, requestId: string): Promise<ForwardRow[]>;
  /** Forwards still unanswered, oldest first (the console's "forwarded" queue). */
  openForwards(officeId: string, limit: number): Promise<ForwardRow[]>;
  /** The deliverer's mark once the message left (the first time only). */
  markForwardSent(forwardId: string, at: string): Promise<void>;
  /** The body's answer: marks the nonce used and changes the request's status together. */
  answerForward(input: ForwardAnswerInput): Promise<ForwardAnswerOutcome>;
  forwardDocument(officeId: string, forwardId: string): Promise<{ bytes: Buffer; type: string } | null>;
  /** The retention purge's part: documents returned for requests whose body was purged are emptied. Returns how many. */
  purgeForwardDocuments(): Promise<number>;
  /** Sets the hook the messages outbox plugs in (see ForwardEnqueueHook). */
  onForward(hook: ForwardEnqueueHook): void;
}

/**
 * The outbox row that delivers a forward (kind `forward`): by HTTP to the body's endpoint when it
 * has one, else by e-mail. The payload names the forward only; the deliverer reads the rest when
 * it sends (so a purged request is never sent). One per request and body (the idempotency key).
 */
export function forwardOutboxMessage(forward: ForwardRow, body: DirectoryBody): NewOutboxMessage {
  return {
    officeId: forward.officeId,
    requestId: forward.requestId,
    kind: 'forward',
    channel: body.endpoint ? 'http' : 'email',
    recipient: body.endpoint ?? body.email ?? '',
    payload: { forwardId: forward.id },
    idempotencyKey: `forward:${forward.requestId}:${body.id}`,
    at: forward.forwardedAt,
  };
}
