import type pg from 'pg';
import { isFinalStatus, REMOTE_STATUSES, type RemoteStatus } from '../../../../src/domain/status';
import type { StatusChange } from '../../../../src/domain/syncProtocol';
import { sameStoredBody, type StoredBody } from '../storedBody';
import type { ChangesPage, PurgeInput, PushInput, RequestSummary, StatusAppend, StatusAppendOutcome, StoredPushOutcome } from '../types';
import { ADVISORY_LOCKS, inTransaction, type Queryable } from './pool';

const FINAL_STATUSES = REMOTE_STATUSES.filter(isFinalStatus);

const CHANGE_COLUMNS = `c.seq, c.request_id AS "requestId", r.tracking_code AS "trackingCode", c.status, c.reason, c.changed_at AS "changedAt"`;

interface NewChange {
  requestId: string;
  officeId: string;
  status: RemoteStatus;
  reason: string | null;
  at: string;
  by: string;
}

/**
 * Appends to the change log in commit order. The feed lock is taken last in the transaction and
 * held until COMMIT, so sequence numbers are drawn in the order the transactions become visible:
 * a reader that sees change n already sees every change below n that will ever exist, and a
 * kiosk's cursor never jumps over a change that another instance commits late (see
 * docs/sync-protocol.md, "Several instances"). Rolled-back numbers leave holes no one waits for.
 */
async function appendChanges(client: Queryable, changes: readonly NewChange[]): Promise<number[]> {
  if (changes.length === 0) return [];
  await client.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.changeFeed]);
  const { rows } = await client.query<{ seq: number }>(
    `INSERT INTO status_changes (request_id, office_id, status, reason, changed_at, changed_by)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     RETURNING seq`,
    [
      changes.map((c) => c.requestId),
      changes.map((c) => c.officeId),
      changes.map((c) => c.status),
      changes.map((c) => c.reason),
      changes.map((c) => c.at),
      changes.map((c) => c.by),
    ],
  );
  return rows.map((row) => row.seq);
}

/** Counts gaps and replays of the kiosk's own sequence; the device row is locked, so two instances count in turn. */
async function trackKioskSeqs(client: Queryable, deviceId: string, kioskSeqs: readonly number[]): Promise<void> {
  const { rows } = await client.query<{ last: number }>('SELECT last_kiosk_seq AS last FROM devices WHERE id = $1 FOR UPDATE', [deviceId]);
  let last = rows[0]?.last ?? 0;
  let gaps = 0;
  let replays = 0;
  for (const seq of kioskSeqs) {
    if (seq <= last) replays++;
    else {
      if (seq > last + 1) gaps++;
      last = seq;
    }
  }
  await client.query(
    `UPDATE devices SET last_kiosk_seq = $1, kiosk_seq_gaps = kiosk_seq_gaps + $2, kiosk_seq_replays = kiosk_seq_replays + $3 WHERE id = $4`,
    [last, gaps, replays, deviceId],
  );
}

/**
 * One batch in one transaction, in a fixed number of statements whatever its size: the new
 * requests are inserted together (`ON CONFLICT DO NOTHING` waits for another instance inserting
 * the same id, then skips it), the ids not inserted are read back and compared, and the
 * `received` changes are appended in item order.
 */
async function push(client: Queryable, input: PushInput): Promise<StoredPushOutcome[]> {
  await trackKioskSeqs(client, input.deviceId, input.kioskSeqs);
  const firstOfId = new Map<string, number>();
  input.items.forEach((item, index) => {
    if (!firstOfId.has(item.request.id)) firstOfId.set(item.request.id, index);
  });
  const firsts = [...firstOfId.values()].map((index) => input.items[index]!);
  const { rows: inserted } = await client.query<{ id: string }>(
    `INSERT INTO requests (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at)
     SELECT id, $2, $3, kiosk_seq, tracking_code, service_id, body, 'received', $4
     FROM unnest($1::text[], $5::bigint[], $6::text[], $7::text[], $8::text[]) AS t(id, kiosk_seq, tracking_code, service_id, body)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      firsts.map((item) => item.request.id),
      input.officeId,
      input.deviceId,
      input.receivedAt,
      firsts.map((item) => item.request.kioskSeq),
      firsts.map((item) => item.request.trackingCode),
      firsts.map((item) => item.request.serviceId),
      firsts.map((item) => item.canonical),
    ],
  );
  const insertedIds = new Set(inserted.map((row) => row.id));
  const others = firsts.map((item) => item.request.id).filter((id) => !insertedIds.has(id));
  const stored = new Map<string, StoredBody>();
  if (others.length > 0) {
    const { rows } = await client.query<StoredBody & { id: string }>(
      `SELECT id, body, body_sha256 AS "bodySha256", purged_at AS "purgedAt" FROM requests WHERE id = ANY($1::text[])`,
      [others],
    );
    for (const row of rows) stored.set(row.id, row);
  }
  const outcomes = input.items.map(({ request, canonical }, index): StoredPushOutcome => {
    const first = firstOfId.get(request.id)!;
    if (insertedIds.has(request.id)) {
      // A repeat of an id inside the batch is compared with the item stored by its first occurrence.
      if (first === index) return 'accepted';
      return input.items[first]!.canonical === canonical ? 'duplicate' : 'conflict';
    }
    const existing = stored.get(request.id);
    if (existing) return sameStoredBody(existing, canonical) ? 'duplicate' : 'conflict';
    // Not inserted and no such id: another request holds the tracking code.
    return 'trackingCodeTaken';
  });
  await appendChanges(
    client,
    input.items
      .filter((_, index) => outcomes[index] === 'accepted')
      .map(({ request }) => ({
        requestId: request.id,
        officeId: input.officeId,
        status: 'received' as const,
        reason: null,
        at: input.receivedAt,
        by: `device:${input.deviceId}`,
      })),
  );
  return outcomes;
}

async function append(client: Queryable, change: StatusAppend): Promise<StatusAppendOutcome> {
  const { rows } = await client.query<{ status: RemoteStatus; officeId: string; trackingCode: string }>(
    `SELECT status, office_id AS "officeId", tracking_code AS "trackingCode" FROM requests WHERE id = $1 FOR NO KEY UPDATE`,
    [change.requestId],
  );
  const current = rows[0];
  if (!current) throw new Error(`no request ${change.requestId}`);
  if (current.status !== change.expected) return { ok: false, current: current.status };
  await client.query('UPDATE requests SET status = $1 WHERE id = $2', [change.status, change.requestId]);
  const [seq] = await appendChanges(client, [
    { requestId: change.requestId, officeId: current.officeId, status: change.status, reason: change.reason, at: change.at, by: change.by },
  ]);
  return {
    ok: true,
    change: { seq: seq!, requestId: change.requestId, trackingCode: current.trackingCode, status: change.status, reason: change.reason, changedAt: change.at },
  };
}

async function purge(client: Queryable, input: PurgeInput): Promise<number> {
  // Finished: the status is final, and its last change is older than the cutoff (ISO times sort as text).
  const { rowCount } = await client.query(
    `UPDATE requests r SET body = '', body_sha256 = encode(sha256(convert_to(r.body, 'UTF8')), 'hex'), purged_at = $1
     WHERE r.purged_at IS NULL AND r.status = ANY($2::text[])
       AND (SELECT MAX(c.changed_at) FROM status_changes c WHERE c.request_id = r.id) <= $3`,
    [input.at, FINAL_STATUSES, input.finishedBefore],
  );
  return rowCount ?? 0;
}

export interface PgFaults {
  /** Runs inside a push's transaction after its changes are numbered, before COMMIT. */
  beforePushCommit?: () => Promise<void>;
}

/** Requests and their status log on PostgreSQL; every write is one transaction. */
export function pgRequests(pool: pg.Pool, faults: PgFaults = {}) {
  return {
    pushRequests: (input: PushInput) =>
      inTransaction(pool, async (client) => {
        const outcomes = await push(client, input);
        await faults.beforePushCommit?.();
        return outcomes;
      }),
    appendStatus: (change: StatusAppend) => inTransaction(pool, (client) => append(client, change)),
    purgeFinishedRequests: (input: PurgeInput) => inTransaction(pool, (client) => purge(client, input)),
    // One snapshot for the page and the high-water mark.
    changesSince: (officeId: string, since: number, limit: number): Promise<ChangesPage> =>
      inTransaction(
        pool,
        async (client) => {
          const { rows } = await client.query<StatusChange>(
            `SELECT ${CHANGE_COLUMNS} FROM status_changes c JOIN requests r ON r.id = c.request_id
             WHERE c.office_id = $1 AND c.seq > $2 ORDER BY c.seq LIMIT $3`,
            [officeId, since, limit + 1],
          );
          const high = await client.query<{ high: number }>('SELECT COALESCE(MAX(seq), 0) AS high FROM status_changes');
          return { changes: rows.slice(0, limit), more: rows.length > limit, highWater: high.rows[0]?.high ?? 0 };
        },
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      ),
    findRequestByTrackingCode: async (trackingCode: string): Promise<RequestSummary | null> => {
      const { rows } = await pool.query<RequestSummary>(
        `SELECT id, office_id AS "officeId", tracking_code AS "trackingCode", status FROM requests WHERE tracking_code = $1`,
        [trackingCode],
      );
      return rows[0] ?? null;
    },
  };
}
