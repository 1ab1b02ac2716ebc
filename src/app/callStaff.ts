import type { ShubbakDb } from '../storage/db';
import { appendAudit } from '../storage/audit';
import type { StaffChime } from './staffChime';

/** The audit action of a citizen's call for help: synced to the back office like the supervisor's actions. */
export const HELP_CALLED_ACTION = 'citizen.helpCalled';

/**
 * A citizen tapped "Call a staff member": the kiosk chimes, so staff at the counter hear it, and
 * the call is written to the audit log (no personal data: only whether the chime could play),
 * so the office can see when and where citizens needed help. Never throws: the citizen's notice
 * shows whatever happens here.
 */
export function callStaff(deps: { db: ShubbakDb; chime: StaffChime; now?: () => number }): Promise<void> {
  const played = deps.chime.play();
  return appendAudit(deps.db, HELP_CALLED_ACTION, played ? 'chime' : 'noSound', (deps.now ?? Date.now)()).then(
    () => undefined,
    (error: unknown) => console.warn('could not record the call for help', error),
  );
}
