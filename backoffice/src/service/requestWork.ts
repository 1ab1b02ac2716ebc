import { allowedActions, type ConsoleAction } from '../../../src/domain/console/actions';
import type { Collector } from '../../../src/domain/console/requestDetail';
import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';
import type { RequestMutation, WorkRow } from '../store/consoleTypes';
import { ApiError } from './apiError';
import { findWorkRow, requestDetail, type PageContext } from './requestPage';
import { planForward } from '../routing/forwardPlan';

/** One action of the request page, as the route received it. */
export type WorkAction =
  | { action: 'assign' }
  | { action: 'release' }
  | { action: 'checkDocument'; index: number; checked: boolean }
  | { action: 'startReview' }
  | { action: 'markReady' }
  | { action: 'refuse'; reasonCode: RefusalReasonCode; reason: string | null }
  | { action: 'collect'; collector: Collector };

type Change = Omit<RequestMutation, 'requestId' | 'officeId' | 'expectedVersion' | 'staffId' | 'at'>;

/** What each action changes, and how it reads in the timeline and the audit log (never personal data there). */
function changeFor(work: WorkAction, row: WorkRow, staffId: string): Change {
  switch (work.action) {
    case 'assign':
      return {
        assignee: staffId,
        event: { kind: 'assigned' },
        audit: { action: 'assign', detail: row.assigneeId ? `taken from staff ${row.assigneeId}` : '' },
      };
    case 'release':
      return { assignee: null, event: { kind: 'released' }, audit: { action: 'release', detail: '' } };
    case 'checkDocument':
      return {
        checklist: { index: work.index, checked: work.checked },
        event: { kind: work.checked ? 'documentChecked' : 'documentUnchecked', detail: { documentIndex: work.index } },
        audit: { action: work.checked ? 'checkDocument' : 'uncheckDocument', detail: `document ${work.index}` },
      };
    case 'startReview':
      return { status: 'inReview', event: { kind: 'status' }, audit: { action: 'status', detail: 'inReview' } };
    case 'markReady':
      return { status: 'ready', event: { kind: 'status' }, audit: { action: 'status', detail: 'ready' } };
    case 'refuse':
      return {
        status: 'refused',
        event: { kind: 'status', reasonCode: work.reasonCode, reason: work.reason },
        audit: { action: 'refuse', detail: `reason ${work.reasonCode}` },
      };
    case 'collect':
      return {
        status: 'collected',
        event: { kind: 'collected', detail: { collector: work.collector } },
        audit: { action: 'collect', detail: `by ${work.collector.kind}` },
      };
  }
}

/**
 * Applies one action with optimistic versioning: a request changed since the agent loaded it is
 * a 409 `version_conflict` and nothing changes; an action the status, the holder or the role
 * does not allow is a 409 `action_not_allowed` (403 `role_forbidden` when only the role is
 * missing). Answers with the request's new page.
 */
export async function applyWork(context: PageContext & { officeId: string }, requestId: string, expectedVersion: number, work: WorkAction) {
  const { store, staffId, officeId } = context;
  const row = await findWorkRow(store, officeId, requestId);
  if (row.version !== expectedVersion) throw conflict(row);
  const page = await requestDetail(context, row);
  const action: ConsoleAction = work.action;
  if (!page.allowedActions.includes(action)) {
    const asAdmin = allowedActions({
      status: row.status,
      role: 'admin',
      assigneeId: row.assigneeId,
      staffId,
      issuesCertificate: false,
      hasValidCertificate: false,
    });
    if (asAdmin.includes(action)) throw new ApiError(403, 'role_forbidden', `Your role in this office does not allow ${action}.`);
    throw new ApiError(409, 'action_not_allowed', `A request that is ${row.status} does not allow ${action} now.`);
  }
  if (work.action === 'checkDocument' && work.index >= page.checklist.length) {
    throw new ApiError(400, 'invalid_body', `The service lists ${page.checklist.length} document(s).`);
  }
  // Accepting a request handled by another body forwards it, in the same transaction (routing/).
  const forward = work.action === 'startReview' ? await planForward(store, row, context.now) : null;
  const outcome = await store.mutateAndForward(
    { requestId, officeId, expectedVersion, staffId, at: context.now.toISOString(), ...changeFor(work, row, staffId) },
    forward,
  );
  if (!outcome.ok) {
    const current = await store.getWorkRow(officeId, requestId);
    if (!current) throw new ApiError(404, 'not_found', 'No such request in this office.');
    throw conflict(current);
  }
  return requestDetail(context, await findWorkRow(store, officeId, requestId));
}

function conflict(row: WorkRow): ApiError {
  const holder = row.assigneeName ? ` It is held by ${row.assigneeName}.` : '';
  return new ApiError(
    409,
    'version_conflict',
    `Someone changed this request since you opened it (it is now ${row.status}, version ${row.version}).${holder} Reload it and check before acting.`,
  );
}
