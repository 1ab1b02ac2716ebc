import { refusalNeedsText, type RefusalReasonCode } from '../../../src/domain/refusalReasons';
import { canTransition } from '../../../src/domain/statusTransitions';
import { documentTypeOf, REPLY_DOCUMENT_MAX_BYTES, type ForwardAnswer, type DirectoryBody } from '../../../src/domain/routing';
import { checkFreeText } from '../../../src/domain/text';
import type { SigningKeyring } from '../certificates/signingKeyring';
import { ApiError } from '../service/apiError';
import { REASON_RULE } from '../service/statusChange';
import type { ForwardRow } from '../store/directoryTypes';
import type { Store } from '../store/types';
import { verifyReplyToken } from './replyToken';

export interface BodyAnswer {
  answer: ForwardAnswer;
  reasonCode?: RefusalReasonCode | undefined;
  reason?: string | undefined;
  /** `type` as the body declared it; checked against the content. */
  document?: { bytes: Buffer; type: string } | undefined;
}

export interface ReplyDeps {
  store: Store;
  keyring: SigningKeyring;
  now: () => Date;
}

/**
 * The forward a reply link names, once the token is checked: forged or altered → 400
 * `invalid_link`, expired → 410 `link_expired`, already answered → 409 `link_used`, the
 * request closed meanwhile at the annex → 409 `request_closed`. Identical for the page and the API.
 */
export async function openReplyLink(deps: ReplyDeps, token: string): Promise<{ forward: ForwardRow; body: DirectoryBody; trackingCode: string; serviceId: string }> {
  const check = verifyReplyToken(deps.keyring, token, deps.now());
  if (!check.ok && check.reason === 'expired') throw new ApiError(410, 'link_expired', 'This reply link has expired: ask the annex for a new one.');
  if (!check.ok) throw new ApiError(400, 'invalid_link', 'This reply link is not valid: it was altered or not issued by this back office.');
  const { claims } = check;
  const forward = await deps.store.getForward(claims.f);
  if (!forward || forward.requestId !== claims.r || forward.bodyId !== claims.b || forward.nonce !== claims.n) {
    throw new ApiError(400, 'invalid_link', 'This reply link is not valid: it was altered or not issued by this back office.');
  }
  if (forward.answeredAt !== null) throw new ApiError(409, 'link_used', 'This request was already answered through its link; a link is used once.');
  const body = await deps.store.getBody(forward.officeId, forward.bodyId);
  const row = await deps.store.getWorkRow(forward.officeId, forward.requestId);
  if (!body || !row) throw new ApiError(400, 'invalid_link', 'This reply link is not valid: it was altered or not issued by this back office.');
  if (row.status !== 'inReview') throw new ApiError(409, 'request_closed', `The annex closed this request meanwhile (it is ${row.status}); nothing to answer.`);
  return { forward, body, trackingCode: row.trackingCode, serviceId: row.serviceId };
}

function checkedDocument(document: BodyAnswer['document']): { bytes: Buffer; type: string } | null {
  if (!document || document.bytes.length === 0) return null;
  if (document.bytes.length > REPLY_DOCUMENT_MAX_BYTES) {
    throw new ApiError(413, 'document_too_large', `The document is larger than ${REPLY_DOCUMENT_MAX_BYTES / (1024 * 1024)} MiB.`);
  }
  const sniffed = documentTypeOf(document.bytes);
  if (sniffed === null || (document.type !== '' && document.type !== 'application/octet-stream' && document.type !== sniffed)) {
    throw new ApiError(415, 'document_type', 'The document must be a PDF, JPEG or PNG file, and its content must match its type.');
  }
  return { bytes: document.bytes, type: sniffed };
}

/** The body's answer: one status change (done → ready, refused → refused with its reason), audited with the body as actor. */
export async function answerReplyLink(deps: ReplyDeps, token: string, answer: BodyAnswer): Promise<{ trackingCode: string; status: 'ready' | 'refused' }> {
  const { forward, body, trackingCode } = await openReplyLink(deps, token);
  const status = answer.answer === 'done' ? 'ready' : 'refused';
  if (!canTransition('inReview', status)) throw new ApiError(409, 'request_closed', 'This request cannot take that answer.');
  let reason: string | null = null;
  if (answer.answer === 'refused') {
    if (!answer.reasonCode) throw new ApiError(400, 'reason_required', 'A refusal needs a reason.');
    const checked = answer.reason === undefined ? null : checkFreeText(answer.reason, REASON_RULE);
    if (checked && !checked.ok && checked.code !== 'empty') {
      throw new ApiError(400, 'invalid_reason', `The reason is refused (${checked.code}; at most ${REASON_RULE.max} characters).`);
    }
    reason = checked?.ok ? checked.value : null;
    if (refusalNeedsText(answer.reasonCode) && reason === null) throw new ApiError(400, 'reason_required', 'The reason "other" needs a few words the citizen will read.');
  }
  const document = answer.answer === 'done' ? checkedDocument(answer.document) : null;
  const at = deps.now().toISOString();
  const outcome = await deps.store.answerForward({
    forwardId: forward.id,
    nonce: forward.nonce,
    answer: answer.answer,
    document,
    at,
    mutation: {
      requestId: forward.requestId,
      officeId: forward.officeId,
      // The actor is the body, as the audit log and the timeline record it.
      staffId: `body:${body.id}`,
      at,
      status,
      event: {
        kind: 'status',
        reasonCode: answer.answer === 'refused' ? (answer.reasonCode ?? null) : null,
        reason,
        detail: { forwardedTo: body.nameFr, answeredBy: 'body', document: document !== null },
      },
      audit: { action: answer.answer === 'done' ? 'forwardDone' : 'forwardRefused', detail: `body ${body.id} (${body.nameFr})${answer.reasonCode ? ` reason ${answer.reasonCode}` : ''}` },
    },
  });
  if (!outcome.ok && outcome.reason === 'used') throw new ApiError(409, 'link_used', 'This request was already answered through its link; a link is used once.');
  if (!outcome.ok) throw new ApiError(409, 'request_closed', 'The annex changed this request meanwhile; nothing was recorded.');
  return { trackingCode, status };
}
