import { z } from 'zod';

/** Statuses set by the back office and pulled by the kiosk. */
export const REMOTE_STATUSES = ['received', 'inReview', 'ready', 'collected', 'refused'] as const;
export type RemoteStatus = (typeof REMOTE_STATUSES)[number];
export const remoteStatusSchema = z.enum(REMOTE_STATUSES);

/**
 * Where a request stands on the kiosk:
 * queued → sending → synced (acknowledged) | rejected (refused for a reason retrying won't fix).
 * `discarded` is a supervisor's decision, recorded with a reason in the audit log.
 * None of these is stored in the outbox row since schema v4: an item is queued while it is in
 * the pending set, `sending` while its batch is recorded in flight (storage/outboxLayout.ts).
 */
export const LOCAL_STATES = ['queued', 'sending', 'synced', 'rejected', 'discarded'] as const;
export type LocalState = (typeof LOCAL_STATES)[number];

/** Final statuses: after these, personal fields may be purged once the retention has passed. */
export function isFinalStatus(status: RemoteStatus): boolean {
  return status === 'collected' || status === 'refused';
}
