import { sign } from 'node:crypto';
import { citizenRequestSchema } from '../../../src/domain/request';
import type { SigningKeyring } from '../certificates/signingKeyring';
import type { Store } from '../store/types';
import { forwardMailSubject, forwardMailText, forwardSummary, type ForwardSummary } from './forwardSummary';
import { serviceOfRow } from './forwardPlan';
import { signReplyToken, verifyReplyToken } from './replyToken';

/**
 * The deliverer of the outbox's `forward` kind: given a forward's id, it builds the summary and
 * the signed reply link, sends the mail (with the JSON summary attached) or the signed POST, and
 * marks the forward sent. It is called by the messages worker, which retries it on a retryable
 * failure and gives up on a permanent one; the mail carries the idempotency key `forward:<id>`
 * (Message-ID) and the POST an `Idempotency-Key` header, so a body can drop a repeated delivery.
 */

/** The e-mail sender every adapter implements (messages/channels.ts); only what forwarding uses. */
export interface ForwardMailer {
  send(message: {
    to: string;
    subject: string;
    text: string;
    attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
    key: string;
  }): Promise<void>;
}

export class ForwardDeliveryError extends Error {
  constructor(
    message: string,
    /** False: retrying will not help (a removed body, a refused endpoint). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface ForwardDeliveryDeps {
  store: Store;
  keyring: SigningKeyring;
  /** The back office's address as bodies reach it (reply links point there), without a trailing slash. */
  publicUrl: string;
  mailer?: ForwardMailer | undefined;
  fetch?: typeof fetch;
  now: () => Date;
  /** The endpoint POST's time limit. */
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-shubbak-signature';
export const KEY_ID_HEADER = 'x-shubbak-key-id';

/** Sends one forward; throws ForwardDeliveryError. Sending an already sent forward again is allowed (at-least-once). */
export async function deliverForward(deps: ForwardDeliveryDeps, forwardId: string): Promise<'email' | 'endpoint'> {
  const { store } = deps;
  const forward = await store.getForward(forwardId);
  if (!forward) throw new ForwardDeliveryError(`forward ${forwardId} does not exist`, false);
  if (forward.answeredAt !== null) return 'email';
  const body = await store.getBody(forward.officeId, forward.bodyId);
  if (!body) throw new ForwardDeliveryError(`body ${forward.bodyId} is not in the directory`, false);
  const row = await store.getWorkRow(forward.officeId, forward.requestId);
  if (!row || row.body === '') throw new ForwardDeliveryError(`request ${forward.requestId} has no content to forward`, false);
  const service = await serviceOfRow(store, row);
  if (!service) throw new ForwardDeliveryError(`service ${row.serviceId} is not in the catalogue`, false);
  const office = await store.getOffice(forward.officeId);
  const now = deps.now();
  const token = signReplyToken(deps.keyring, { f: forward.id, r: forward.requestId, b: body.id, n: forward.nonce }, now);
  const check = verifyReplyToken(deps.keyring, token, now);
  const expiresAt = check.ok ? new Date(check.claims.e * 1000).toISOString() : now.toISOString();
  const summary = forwardSummary({
    forward,
    trackingCode: row.trackingCode,
    request: citizenRequestSchema.parse(JSON.parse(row.body)),
    service,
    body,
    office: { id: forward.officeId, name: office?.name ?? forward.officeId },
    replyPage: `${deps.publicUrl}/reply/${token}`,
    replyApi: `${deps.publicUrl}/api/v1/reply/${token}`,
    replyExpiresAt: expiresAt,
  });
  const channel = body.endpoint ? await post(deps, body.endpoint, summary) : await mail(deps, body.email, summary);
  await store.markForwardSent(forward.id, deps.now().toISOString());
  return channel;
}

async function mail(deps: ForwardDeliveryDeps, to: string | null, summary: ForwardSummary): Promise<'email'> {
  if (!to) throw new ForwardDeliveryError('the body has neither an endpoint nor an e-mail address', false);
  if (!deps.mailer) throw new ForwardDeliveryError('no e-mail channel is configured on this back office', true);
  await deps.mailer.send({
    to,
    subject: forwardMailSubject(summary),
    text: forwardMailText(summary),
    attachments: [{ filename: `demande-${summary.trackingCode}.json`, content: Buffer.from(JSON.stringify(summary, null, 2), 'utf8'), contentType: 'application/json' }],
    key: `forward:${summary.forwardId}`,
  });
  return 'email';
}

/** A JSON POST signed with the back office's Ed25519 key; the body checks it with the keys published at /api/v1/keys. */
async function post(deps: ForwardDeliveryDeps, endpoint: string, summary: ForwardSummary): Promise<'endpoint'> {
  const payload = Buffer.from(JSON.stringify(summary), 'utf8');
  const key = deps.keyring.signingKey();
  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `forward:${summary.forwardId}`,
        [KEY_ID_HEADER]: key.keyId,
        [SIGNATURE_HEADER]: sign(null, payload, key.privateKey).toString('base64url'),
      },
      body: payload,
      redirect: 'error',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new ForwardDeliveryError(`the endpoint could not be reached (${(error as Error).name})`, true);
  }
  await response.body?.cancel();
  if (response.ok) return 'endpoint';
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  throw new ForwardDeliveryError(`the endpoint answered ${response.status}`, retryable);
}
