import { z } from 'zod';

/** Statuses set by the back office and pulled by the kiosk. */
export const REMOTE_STATUSES = ['received', 'inReview', 'ready', 'collected', 'refused'] as const;
export type RemoteStatus = (typeof REMOTE_STATUSES)[number];
export const remoteStatusSchema = z.enum(REMOTE_STATUSES);

/**
 * Where a request stands on the kiosk:
 * queued → sending → synced (acknowledged) | rejected (refused for a reason retrying won't fix).
 * `discarded` is a supervisor's decision, recorded with a reason in the audit log.
 * `sending` is how an item on the wire is shown: on disk it stays `queued` and the batch is
 * recorded in flight once (storage/outboxSync.ts); only kiosks before schema v3 wrote it per row.
 */
export const LOCAL_STATES = ['queued', 'sending', 'synced', 'rejected', 'discarded'] as const;
export type LocalState = (typeof LOCAL_STATES)[number];

/** Final statuses: after these, personal fields may be purged once the retention has passed. */
export function isFinalStatus(status: RemoteStatus): boolean {
  return status === 'collected' || status === 'refused';
}
