import { sign } from 'node:crypto';
import { z } from 'zod';
import { DeliveryError, type EmailSender } from '../messages/channels';
import type { OutboxDeliverer } from '../messages/deliverers';
import { fallbackLetterhead } from '../../../src/domain/certificateTemplate';
import { citizenRequestSchema } from '../../../src/domain/request';
import type { SigningKeyring } from '../certificates/signingKeyring';
import type { Store } from '../store/types';
import { forwardMailSubject, forwardMailText, forwardSummary, type ForwardSummary } from './forwardSummary';
import { serviceOfRow } from './forwardPlan';
import { renderForwardPdf, type ForwardPdfInput } from './forwardPdf';
import { signReplyToken, verifyReplyToken } from './replyToken';

/**
 * The deliverer of the outbox's `forward` kind: given a forward's id, it builds the summary and
 * the signed reply link, sends the mail (with the summary attached as a PDF to file and as JSON) or the signed POST, and
 * marks the forward sent. It is called by the messages worker, which retries it on a retryable
 * failure and gives up on a permanent one; the mail carries the idempotency key `forward:<id>`
 * (Message-ID) and the POST an `Idempotency-Key` header, so a body can drop a repeated delivery.
 */

export interface ForwardDeliveryDeps {
  store: Store;
  keyring: SigningKeyring;
  /** The back office's address as bodies reach it (reply links point there), without a trailing slash. */
  publicUrl: string;
  mailer?: EmailSender | undefined;
  fetch?: typeof fetch;
  now: () => Date;
  /** The endpoint POST's time limit. */
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-shubbak-signature';
export const KEY_ID_HEADER = 'x-shubbak-key-id';

const forwardPayloadSchema = z.strictObject({ forwardId: z.string().uuid() });

/** The outbox's deliverer of kind `forward` (registered with the messages worker). */
export function forwardDeliverer(deps: ForwardDeliveryDeps): OutboxDeliverer {
  return {
    deliver: async (message) => {
      const payload = forwardPayloadSchema.safeParse(message.payload);
      if (!payload.success) throw DeliveryError.permanent('forward_payload_invalid');
      await deliverForward(deps, payload.data.forwardId);
    },
  };
}

/** Sends one forward; throws DeliveryError. Sending an already sent forward again is allowed (at-least-once). */
export async function deliverForward(deps: ForwardDeliveryDeps, forwardId: string): Promise<'email' | 'endpoint'> {
  const { store } = deps;
  const forward = await store.getForward(forwardId);
  if (!forward) throw DeliveryError.permanent('forward_missing');
  if (forward.answeredAt !== null) return 'email';
  const body = await store.getBody(forward.officeId, forward.bodyId);
  if (!body) throw DeliveryError.permanent('forward_body_missing');
  const row = await store.getWorkRow(forward.officeId, forward.requestId);
  if (!row || row.body === '') throw DeliveryError.permanent('forward_request_purged');
  const service = await serviceOfRow(store, row);
  if (!service) throw DeliveryError.permanent('forward_service_missing');
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
  // The letterhead the office's certificates carry, so the commune files a paper that says who sent it.
  const officeName = office?.name ?? forward.officeId;
  const letterhead = ((await store.getCatalogue(forward.officeId))?.certificateLetterhead ?? fallbackLetterhead(officeName)).lines;
  const channel = body.endpoint ? await post(deps, body.endpoint, summary) : await mail(deps, body.email, summary, letterhead);
  await store.markForwardSent(forward.id, deps.now().toISOString());
  return channel;
}

/**
 * The mail carries the summary twice: a PDF a clerk prints and files (letterhead, identity, fields,
 * the reply link as text and QR code), and the JSON for a body whose software imports requests.
 */
async function mail(deps: ForwardDeliveryDeps, to: string | null, summary: ForwardSummary, letterhead: ForwardPdfInput['letterhead']): Promise<'email'> {
  if (!to) throw DeliveryError.permanent('forward_no_address');
  if (!deps.mailer) throw DeliveryError.permanent('channel_not_configured');
  const pdf = await renderForwardPdf({ summary, letterhead });
  await deps.mailer.send({
    to,
    subject: forwardMailSubject(summary),
    text: forwardMailText(summary),
    attachments: [
      { filename: `demande-${summary.trackingCode}.pdf`, content: pdf, contentType: 'application/pdf' },
      { filename: `demande-${summary.trackingCode}.json`, content: Buffer.from(JSON.stringify(summary, null, 2), 'utf8'), contentType: 'application/json' },
    ],
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
    throw DeliveryError.retryable(`http_${(error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable'}`);
  }
  await response.body?.cancel();
  if (response.ok) return 'endpoint';
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  throw new DeliveryError(retryable ? 'retryable' : 'permanent', `http_${response.status}`);
}
