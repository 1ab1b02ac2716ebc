import { lookupBlockedUntil } from '../domain/lookupThrottle';
import { proofMatches, type StatusProof } from '../domain/statusProof';
import type { StatusLookupInput, StatusLookupResult } from '../machines/session/types';
import type { ShubbakDb } from '../storage/db';
import { readLookupFailures, recordLookupFailure } from '../storage/lookupFailures';
import { statusByTrackingCode } from '../storage/statuses';

/**
 * Checked when no request matches, so that "unknown code" costs the same time as "wrong answer"
 * and the answer's timing tells no one which codes exist. Its answer opens nothing.
 */
const NO_REQUEST_PROOF: StatusProof = {
  answer: 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  token: '0'.repeat(64),
};

/**
 * The citizen's "check a request": this kiosk's outbox and the statuses pulled from the back
 * office, opened only by the holder's proof. No match and a wrong proof get the same answer and
 * both count towards the kiosk's throttle (src/domain/lookupThrottle.ts).
 */
export async function lookupStatus(db: ShubbakDb, input: StatusLookupInput, now: () => number = Date.now): Promise<StatusLookupResult> {
  const blockedUntil = lookupBlockedUntil(await readLookupFailures(db, now()), now());
  if (blockedUntil !== null) return { found: false, reason: 'throttled', retryAt: blockedUntil, waitMinutes: Math.max(1, Math.ceil((blockedUntil - now()) / 60_000)) };
  const found = await statusByTrackingCode(db, input.trackingCode);
  const known = found.local !== null || found.remote !== null;
  const opened = (await proofMatches(found.proof ?? NO_REQUEST_PROOF, input.proof)) && known && found.proof !== null;
  if (!opened) {
    await recordLookupFailure(db, now());
    return { found: false, reason: 'noMatch' };
  }
  return {
    found: true,
    trackingCode: input.trackingCode,
    serviceId: found.serviceId ?? '',
    local: found.local,
    remote: found.remote
      ? { status: found.remote.status, reason: found.remote.reason, reasonCode: found.remote.reasonCode ?? null, changedAt: found.remote.changedAt }
      : null,
  };
}
