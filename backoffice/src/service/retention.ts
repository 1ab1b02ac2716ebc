import type { Store } from '../store/types';

/**
 * The back office's retention of personal data (law 09-08): once a request is finished (its
 * status is final: collected or refused) and `retentionDays` have passed since, its body (the
 * citizen's identity and fields) is emptied. Its id, office, tracking code, service and status
 * history stay, with the body's SHA-256 so that a kiosk re-sending it is still answered
 * `duplicate`. A request still in progress is never purged, however old.
 * Off unless the operator sets it (`purge --days`, or `serve --retention-days`): how long the
 * municipality must keep its records is its own decision, not the software's.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_RETENTION_DAYS = 3650;

/** Parses an operator's retention setting: whole days, 1 to 3650. */
export function parseRetentionDays(value: string): number | null {
  if (!/^\d{1,4}$/.test(value)) return null;
  const days = Number(value);
  return days >= 1 && days <= MAX_RETENTION_DAYS ? days : null;
}

export async function purgeFinishedRequests(store: Store, options: { retentionDays: number; now: Date }): Promise<number> {
  const finishedBefore = new Date(options.now.getTime() - options.retentionDays * DAY_MS).toISOString();
  const purged = await store.purgeFinishedRequests({ finishedBefore, at: options.now.toISOString() });
  // The portal's personal data too: expired codes and ended sessions now, and accounts without
  // requests or sessions unused for the same retention (docs/portal.md).
  await store.purgePortal({ now: options.now.toISOString(), unusedBefore: finishedBefore });
  // Documents a commune or service returned for those requests (docs/routing.md) go with them.
  await store.purgeForwardDocuments();
  return purged;
}
