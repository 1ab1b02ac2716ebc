import type { SyncStatus } from './syncStatus';

/**
 * Why staff must act on this kiosk's enrolment: it was never enrolled, or the back office refuses
 * it (its token or its office revoked: 401/403). Either way the kiosk still takes requests and
 * keeps them; the mark is what tells staff, on the attract screen and in supervisor mode.
 */
export type EnrolmentMark = 'notEnrolled' | 'refused';

export function enrolmentMarkOf(status: Pick<SyncStatus, 'enrolled' | 'phase' | 'lastError'>): EnrolmentMark | null {
  if (!status.enrolled) return 'notEnrolled';
  const reason = status.lastError?.reason;
  return status.phase === 'paused' && (reason === 'unauthorized' || reason === 'forbidden') ? 'refused' : null;
}
