import type { RefusalReasonCode } from '../../../../src/domain/refusalReasons';
import type { RemoteStatus } from '../../../../src/domain/status';
import { notificationsOfChanges } from './pgOutbox';
import { ADVISORY_LOCKS, type Queryable } from './pool';

/**
 * The office's change log on PostgreSQL: `status_changes` (the kiosks' feed) and `request_events`
 * (the console's timeline), numbered in commit order under the office's feed lock. Written by the
 * requests' store (pushes, status appends) and the console's mutations.
 */

/** A change as the feed reads it (the log `c` joined to its request `r`). */
export const CHANGE_COLUMNS = `c.seq, c.request_id AS "requestId", r.tracking_code AS "trackingCode", c.status, c.reason, c.reason_code AS "reasonCode",
  c.changed_at AS "changedAt", r.status_proof AS proof`;

export interface NewChange {
  requestId: string;
  officeId: string;
  status: RemoteStatus;
  reason: string | null;
  reasonCode: RefusalReasonCode | null;
  at: string;
  by: string;
}

/**
 * Takes the office's lock that numbers both cursor-read logs, `status_changes` (the kiosks' feed)
 * and `request_events` (the console's timeline feed), in commit order within the office. Both
 * logs are read one office at a time, so offices need not wait for each other (one lock for the
 * whole database made every push of the province queue behind the one committing). Taken as the
 * transaction's last step before appending, held until COMMIT; taking it twice is harmless.
 */
export async function lockFeeds(client: Queryable, officeId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCKS.changeFeed, officeId]);
}

/**
 * Appends one office's changes to the change log in commit order. The office's feed lock is taken
 * last in the transaction and held until COMMIT, so the office's sequence numbers are drawn in the
 * order its transactions become visible: a reader of the office that sees change n already sees
 * every change of the office below n that will ever exist, and a kiosk's cursor never jumps over
 * a change that another instance commits late (see docs/sync-protocol.md, "Several instances").
 * Rolled-back numbers leave holes no one waits for.
 */
export async function appendChanges(client: Queryable, changes: readonly NewChange[]): Promise<number[]> {
  if (changes.length === 0) return [];
  const officeId = changes[0]!.officeId;
  if (changes.some((change) => change.officeId !== officeId)) throw new Error('one office per append: each office has its own feed lock');
  // One statement, so the lock is held for one round trip and the COMMIT's, not four: a round
  // trip waits for this process's event loop, which is busy with other kiosks' batches. The
  // lock is a materialised CTE every inserted row is joined to, so it is taken before the first
  // number is drawn; WITH ORDINALITY keeps the items' order in the numbers drawn. Every status
  // change is a timeline event too (kiosk-made ones carry no staff member), and the citizen's
  // notifications of the changes are written by the same statement (migration 015).
  const { rows } = await client.query<{ seq: number }>(
    `WITH feed_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock($8, hashtext($9))),
     changed AS (
       INSERT INTO status_changes (request_id, office_id, status, reason, reason_code, changed_at, changed_by)
       SELECT request_id, office_id, status, reason, reason_code, changed_at, changed_by
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         WITH ORDINALITY AS t(request_id, office_id, status, reason, reason_code, changed_at, changed_by, n)
         CROSS JOIN feed_lock
       ORDER BY n
       RETURNING seq, request_id, office_id, status, reason, reason_code, changed_at
     ),
     logged AS (
       INSERT INTO request_events (request_id, office_id, kind, at, staff_id, status, reason_code, reason)
       SELECT request_id, office_id, CASE WHEN status = 'received' THEN 'received' ELSE 'status' END, changed_at, NULL, status, reason_code, reason
       FROM changed ORDER BY seq
     ),
     notified AS (${notificationsOfChanges('changed')})
     SELECT seq FROM changed ORDER BY seq`,
    [
      changes.map((c) => c.requestId),
      changes.map((c) => c.officeId),
      changes.map((c) => c.status),
      changes.map((c) => c.reason),
      changes.map((c) => c.reasonCode),
      changes.map((c) => c.at),
      changes.map((c) => c.by),
      ADVISORY_LOCKS.changeFeed,
      officeId,
    ],
  );
  return rows.map((row) => row.seq);
}
