import { normalizeTrackingCode } from '../domain/trackingCode';
import type { StatusLookupResult } from '../machines/session/types';
import type { ShubbakDb } from '../storage/db';
import { statusByTrackingCode } from '../storage/statuses';

/** The citizen's "check a request": this kiosk's outbox and the statuses pulled from the back office. */
export async function lookupStatus(db: ShubbakDb, trackingCode: string): Promise<StatusLookupResult> {
  const found = await statusByTrackingCode(db, trackingCode);
  if (found.local === null && found.remote === null) return { found: false };
  return {
    found: true,
    trackingCode: normalizeTrackingCode(trackingCode),
    serviceId: found.serviceId ?? '',
    local: found.local,
    remote: found.remote
      ? { status: found.remote.status, reason: found.remote.reason, reasonCode: found.remote.reasonCode ?? null, changedAt: found.remote.changedAt }
      : null,
  };
}
