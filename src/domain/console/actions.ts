import { z } from 'zod';
import { canRefuse } from '../refusalReasons';
import type { RemoteStatus } from '../status';
import { canTransition } from '../statusTransitions';
import { roleAtLeast, type StaffRole } from './roles';

/**
 * What a staff member may do to a request, from its status, their role and who holds it. The
 * back office answers a request for an action not in this list with 409 (status) or 403 (role);
 * the console shows only these buttons.
 */
export const CONSOLE_ACTIONS = [
  /** Take the request: the holder is who works on it (taking it from a colleague is allowed and logged). */
  'assign',
  /** Give it back to the queue. */
  'release',
  /** Tick or untick a paper of the documents checklist as it is seen at the counter. */
  'checkDocument',
  /** received → inReview. */
  'startReview',
  /** inReview → ready, for a service with no certificate to issue (the paper is made elsewhere). */
  'markReady',
  /** inReview → ready through the certificate (h9-certs): render, sign, store. */
  'issueCertificate',
  /** Withdraw an issued certificate: the online check refuses it from then on. */
  'revokeCertificate',
  /** received | inReview | ready → refused, with a reason code. */
  'refuse',
  /** ready → collected, recording who took the paper. */
  'collect',
] as const;
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];
export const consoleActionSchema = z.enum(CONSOLE_ACTIONS);

export interface ActionContext {
  status: RemoteStatus;
  role: StaffRole;
  /** Who holds the request now, or null. */
  assigneeId: string | null;
  staffId: string;
  /** The service has a certificate template in the catalogue. */
  issuesCertificate: boolean;
  /** A certificate was issued for this request and is not revoked. */
  hasValidCertificate: boolean;
}

/** The working moves (review, checklist, ready) need the request in the actor's hands first. */
export function allowedActions(context: ActionContext): ConsoleAction[] {
  const { status, role } = context;
  const mine = context.assigneeId === context.staffId;
  const open = status !== 'collected' && status !== 'refused';
  const allowed: ConsoleAction[] = [];
  if (open && !mine) allowed.push('assign');
  if (open && mine) allowed.push('release');
  if (mine && (status === 'received' || status === 'inReview')) allowed.push('checkDocument');
  if (mine && canTransition(status, 'inReview')) allowed.push('startReview');
  if (mine && status === 'inReview' && !context.issuesCertificate) allowed.push('markReady');
  if (status === 'inReview' && context.issuesCertificate && roleAtLeast(role, 'chief')) allowed.push('issueCertificate');
  if (context.hasValidCertificate && roleAtLeast(role, 'chief')) allowed.push('revokeCertificate');
  if (canRefuse(status) && roleAtLeast(role, 'chief')) allowed.push('refuse');
  if (canTransition(status, 'collected')) allowed.push('collect');
  return allowed;
}
