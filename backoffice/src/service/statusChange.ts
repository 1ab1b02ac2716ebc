import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';
import type { RemoteStatus } from '../../../src/domain/status';
import type { StatusChange } from '../../../src/domain/syncProtocol';
import { checkFreeText } from '../../../src/domain/text';
import { normalizeTrackingCode } from '../../../src/domain/trackingCode';
import { ApiError } from './apiError';
import type { Store } from '../store/types';
import { allowedNext, canTransition } from '../../../src/domain/statusTransitions';

export interface StatusChangeInput {
  /** As typed at the counter: normalised before the lookup. */
  trackingCode: string;
  status: RemoteStatus;
  reason?: string | undefined;
  reasonCode?: RefusalReasonCode | undefined;
  /** Who made the change, for the log: `staff:<id>` or `cli`. */
  by: string;
  now: Date;
}

/** A refusal reason is free text the citizen reads on the kiosk: stored only once it passes the shared rule. */
export const REASON_RULE = { max: 500 } as const;

function cleanReason(raw: string | undefined): string {
  if (raw === undefined) return '';
  const checked = checkFreeText(raw, REASON_RULE);
  if (checked.ok) return checked.value;
  if (checked.code === 'empty') return '';
  throw new ApiError(400, 'invalid_reason', `The reason is refused (${checked.code}; at most ${checked.max} characters, no control or invisible formatting characters).`);
}

/** Sets a request's status and appends it to the change log the kiosks pull. The CLI's `set-status` (the console acts through requestWork.ts). */
export async function changeStatus(store: Store, input: StatusChangeInput): Promise<StatusChange> {
  const trackingCode = normalizeTrackingCode(input.trackingCode);
  const request = await store.findRequestByTrackingCode(trackingCode);
  if (!request) throw new ApiError(404, 'request_not_found', `No request has the tracking code ${trackingCode}.`);
  const reason = cleanReason(input.reason);
  if (input.status === 'refused' && reason === '' && !input.reasonCode) {
    throw new ApiError(400, 'reason_required', 'Refusing a request needs a reason the citizen will read.');
  }
  if (!canTransition(request.status, input.status)) {
    const allowed = allowedNext(request.status);
    throw new ApiError(
      409,
      'invalid_transition',
      `A request that is ${request.status} cannot become ${input.status}` +
        (allowed.length ? ` (it may become: ${allowed.join(', ')}).` : ' (its status is final).'),
    );
  }
  const outcome = await store.appendStatus({
    requestId: request.id,
    expected: request.status,
    status: input.status,
    reason: reason === '' ? null : reason,
    reasonCode: input.status === 'refused' ? (input.reasonCode ?? 'other') : null,
    at: input.now.toISOString(),
    by: input.by,
  });
  if (!outcome.ok) {
    throw new ApiError(409, 'status_changed', `The request became ${outcome.current} meanwhile; check it and try again.`);
  }
  return outcome.change;
}
