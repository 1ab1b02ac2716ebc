import type pg from 'pg';
import type { RemoteStatus } from '../../../../src/domain/status';
import { dueAt, FINAL_STATUSES, officeHighWater, toStatusChange, type ChangeRow, type HighWaterFacts } from '../requestRows';
import { sameStoredBody, type StoredBody } from '../storedBody';
import { MAX_CLAIMED_PREFIXES, type ChangesPage, type PurgeInput, type PushInput, type RequestSummary, type StatusAppend, type StatusAppendOutcome, type StoredPushOutcome, type ValidPushItem } from '../types';
import { inTransaction, type Queryable } from './pool';
import { appendChanges, CHANGE_COLUMNS } from './pgChangeLog';
import { purgeOutboxInPostgres } from './pgOutbox';
import { searchKeysInput, TRACKING_KEY_ONLY } from './pgSearchKeys';

/**
 * Counts gaps and replays of the kiosk's own sequence and moves its last one, in ONE statement
 * that also takes the device row's lock (held to COMMIT, so two instances count in turn). Before
 * each seq, the last recorded is the greater of the stored one and the batch's earlier seqs: a
 * seq at or below it is a replay, one more than a step above it a gap. The stored column is read
 * in the SET list, so a push that waited for the lock counts from the row it then updates.
 * Named (prepared once per connection): it runs for every push.
 */
async function trackKioskSeqs(client: Queryable, deviceId: string, kioskSeqs: readonly number[]): Promise<void> {
  await client.query({
    name: 'push-track-kiosk-seqs',
    text: `UPDATE devices d SET (last_kiosk_seq, kiosk_seq_gaps, kiosk_seq_replays) = (
       SELECT GREATEST(d.last_kiosk_seq, MAX(s)),
              d.kiosk_seq_gaps + COUNT(*) FILTER (WHERE s > GREATEST(d.last_kiosk_seq, before) + 1),
              d.kiosk_seq_replays + COUNT(*) FILTER (WHERE s <= GREATEST(d.last_kiosk_seq, before))
       FROM (SELECT s, MAX(s) OVER (ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
             FROM unnest($2::bigint[]) WITH ORDINALITY AS t(s, n)) AS ordered
     )
     WHERE d.id = $1`,
    values: [deviceId, kioskSeqs],
  });
}

/** The stored side of a known id: its office (another office's id is not this device's to see) and body. */
type Known = StoredBody & { officeId: string };

async function readKnown(client: Queryable, ids: readonly string[]): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  if (ids.length === 0) return known;
  const { rows } = await client.query<Known & { id: string }>(
    `SELECT id, office_id AS "officeId", body, body_sha256 AS "bodySha256", purged_at AS "purgedAt" FROM requests WHERE id = ANY($1::text[])`,
    [ids],
  );
  for (const row of rows) known.set(row.id, row);
  return known;
}

/** The columns of a pushed request's row, and the parameters that carry them ($1 to $15). */
const REQUEST_INSERT = `INSERT INTO requests (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at, status_at, due_at, clock_flag, status_proof, search_indexed, channel, portal_account_id, search_keys)
     SELECT id, $2, $3, kiosk_seq, tracking_code, service_id, body, 'received', $4, $4, due_at, clock_flag, status_proof, search_indexed, $13::text, $14::text, search_keys::tsvector
     FROM unnest($1::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $15::text[])
       AS t(id, kiosk_seq, tracking_code, service_id, body, clock_flag, due_at, status_proof, search_indexed, search_keys)`;

function requestRowValues(input: PushInput, items: readonly ValidPushItem[]): unknown[] {
  return [
    items.map((item) => item.request.id),
    input.officeId,
    input.deviceId,
    input.receivedAt,
    items.map((item) => item.request.kioskSeq),
    items.map((item) => item.request.trackingCode),
    items.map((item) => item.request.serviceId),
    items.map((item) => item.canonical),
    items.map((item) => input.clockFlags?.get(item.request.id) ?? null),
    items.map((item) => dueAt(input.receivedAt, item.delayDays)),
    items.map((item) => (item.request.statusProof ? JSON.stringify(item.request.statusProof) : null)),
    // Indexed in the row itself (its search keys are a column of it): no second write of the batch.
    items.map((item) => (item.searchTerms ? 1 : 0)),
    input.portalAccountId === undefined ? 'kiosk' : 'portal',
    input.portalAccountId ?? null,
    items.map((item) => (item.searchTerms ? searchKeysInput(input.officeId, item.searchTerms) : null)),
  ];
}

const prefixOf = (item: ValidPushItem) => item.request.trackingCode.slice(0, 3);

/**
 * The usual push in ONE round trip: reads which of the batch's ids are already stored and who
 * owns the prefixes it uses, and inserts (`ON CONFLICT DO NOTHING`: another instance inserting
 * the same id is waited for, then skipped) the items that are new and carry a prefix this device
 * owns, exactly those the two reads let through. A prefix nobody owns yet is left to the caller
 * (a claim, rare). Named: prepared once per connection.
 */
async function insertOwnedNew(
  client: Queryable,
  input: PushInput,
  firsts: readonly ValidPushItem[],
): Promise<{ inserted: Set<string>; known: Map<string, Known>; owners: Map<string, string> }> {
  const { rows } = await client.query<{ kind: 'inserted' | 'known' | 'owner'; id: string; officeId: string | null; body: string | null; bodySha256: string | null; purgedAt: string | null }>({
    name: 'push-insert-owned-new',
    text: `WITH known AS (SELECT id, office_id, body, body_sha256, purged_at FROM requests WHERE id = ANY($1::text[])),
       owners AS (SELECT prefix, device_id FROM tracking_prefixes WHERE prefix = ANY($16::text[])),
       inserted AS (
         ${REQUEST_INSERT}
         WHERE NOT EXISTS (SELECT 1 FROM known WHERE known.id = t.id)
           AND EXISTS (SELECT 1 FROM owners WHERE owners.prefix = substr(t.tracking_code, 1, 3) AND owners.device_id = $3)
         ON CONFLICT DO NOTHING
         RETURNING id
       )
     SELECT 'inserted' AS kind, id, NULL AS "officeId", NULL AS body, NULL AS "bodySha256", NULL AS "purgedAt" FROM inserted
     UNION ALL SELECT 'known', id, office_id, body, body_sha256, purged_at FROM known
     UNION ALL SELECT 'owner', prefix, device_id, NULL, NULL, NULL FROM owners`,
    values: [...requestRowValues(input, firsts), [...new Set(firsts.map(prefixOf))]],
  });
  const inserted = new Set<string>();
  const known = new Map<string, Known>();
  const owners = new Map<string, string>();
  for (const { kind, id, officeId, body, bodySha256, purgedAt } of rows) {
    if (kind === 'inserted') inserted.add(id);
    else if (kind === 'known') known.set(id, { officeId: officeId!, body: body!, bodySha256, purgedAt });
    else owners.set(id, officeId!);
  }
  return { inserted, known, owners };
}

/**
 * Free prefixes (nobody owns them) the device claims now within its share (MAX_CLAIMED_PREFIXES),
 * in the order the batch uses them: codes it made before it was enrolled. The device row is
 * locked by the caller, so one device's claims are counted in turn; a prefix that another device
 * claims at the same moment goes to whichever insert wins.
 */
async function claimFreePrefixes(client: Queryable, input: PushInput, free: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  if (free.length === 0) return taken;
  const { rows: claims } = await client.query<{ claimed: number }>(
    'SELECT COUNT(*) AS claimed FROM tracking_prefixes WHERE device_id = $1 AND issued = 0',
    [input.deviceId],
  );
  let claimed = claims[0]?.claimed ?? 0;
  for (const prefix of free) {
    if (claimed >= MAX_CLAIMED_PREFIXES) break;
    const { rowCount } = await client.query(
      `INSERT INTO tracking_prefixes (prefix, device_id, office_id, claimed_at, issued) VALUES ($1, $2, $3, $4, 0)
       ON CONFLICT (prefix) DO NOTHING`,
      [prefix, input.deviceId, input.officeId, input.receivedAt],
    );
    if (rowCount === 1) {
      taken.add(prefix);
      claimed++;
    }
  }
  return taken;
}

/**
 * One batch in one transaction, in a fixed number of statements in the usual case whatever its
 * size: the ids already known are read, the new requests whose prefix the device owns are
 * inserted together (`ON CONFLICT DO NOTHING` waits for another instance inserting the same id,
 * then skips it), the ids not inserted are read again and compared, and the `received` changes
 * are appended in item order. Outcomes are those of the SQLite store, item by item.
 */
async function push(client: Queryable, input: PushInput): Promise<StoredPushOutcome[]> {
  await trackKioskSeqs(client, input.deviceId, input.kioskSeqs);
  const firstOfId = new Map<string, number>();
  input.items.forEach((item, index) => {
    if (!firstOfId.has(item.request.id)) firstOfId.set(item.request.id, index);
  });
  const firsts = [...firstOfId.values()].map((index) => input.items[index]!);
  // After trackKioskSeqs took the device's lock (a statement of its own, so this one's snapshot follows it).
  const { inserted: insertedIds, known, owners } = await insertOwnedNew(client, input, firsts);
  const unknown = firsts.filter((item) => !known.has(item.request.id));
  const owned = new Set([...owners].filter(([, owner]) => owner === input.deviceId).map(([prefix]) => prefix));
  const claimed = await claimFreePrefixes(client, input, [...new Set(unknown.map(prefixOf).filter((prefix) => !owners.has(prefix)))]);
  if (claimed.size > 0) {
    const { rows } = await client.query<{ id: string }>(`${REQUEST_INSERT} ON CONFLICT DO NOTHING RETURNING id`, requestRowValues(input, unknown.filter((item) => claimed.has(prefixOf(item)))));
    for (const { id } of rows) insertedIds.add(id);
    for (const prefix of claimed) owned.add(prefix);
  }
  const candidates = unknown.filter((item) => owned.has(prefixOf(item)));
  // Not inserted: another instance stored the same id meanwhile, or the device's own code is taken.
  const raced = await readKnown(client, candidates.map((item) => item.request.id).filter((id) => !insertedIds.has(id)));
  for (const [id, row] of raced) known.set(id, row);

  const firstOutcome = ({ request, canonical }: ValidPushItem): StoredPushOutcome => {
    if (insertedIds.has(request.id)) return 'accepted';
    const existing = known.get(request.id);
    // Another office's request: saying duplicate or conflict would tell this device it exists.
    if (existing && existing.officeId !== input.officeId) return 'idNotOwned';
    if (existing) return sameStoredBody(existing, canonical) ? 'duplicate' : 'conflict';
    if (!owned.has(request.trackingCode.slice(0, 3))) return 'trackingPrefixNotOwned';
    return 'trackingCodeTaken';
  };
  const outcomes = input.items.map((item, index): StoredPushOutcome => {
    const first = firstOfId.get(item.request.id)!;
    if (first === index) return firstOutcome(item);
    // A repeat of an id inside the batch is compared with what its first occurrence left stored.
    if (insertedIds.has(item.request.id)) return input.items[first]!.canonical === item.canonical ? 'duplicate' : 'conflict';
    return firstOutcome(item);
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
        reasonCode: null,
        at: input.receivedAt,
        by: `device:${input.deviceId}`,
      })),
  );
  return outcomes;
}

export async function append(client: Queryable, change: StatusAppend): Promise<StatusAppendOutcome> {
  const { rows } = await client.query<{ status: RemoteStatus; officeId: string; trackingCode: string }>(
    `SELECT status, office_id AS "officeId", tracking_code AS "trackingCode" FROM requests WHERE id = $1 FOR NO KEY UPDATE`,
    [change.requestId],
  );
  const current = rows[0];
  if (!current) throw new Error(`no request ${change.requestId}`);
  if (current.status !== change.expected) return { ok: false, current: current.status };
  await client.query('UPDATE requests SET status = $1, status_at = $2, version = version + 1 WHERE id = $3', [change.status, change.at, change.requestId]);
  const [seq] = await appendChanges(client, [
    {
      requestId: change.requestId,
      officeId: current.officeId,
      status: change.status,
      reason: change.reason,
      reasonCode: change.reasonCode ?? null,
      at: change.at,
      by: change.by,
    },
  ]);
  return {
    ok: true,
    change: {
      seq: seq!,
      requestId: change.requestId,
      trackingCode: current.trackingCode,
      status: change.status,
      reason: change.reason,
      ...(change.reasonCode ? { reasonCode: change.reasonCode } : {}),
      changedAt: change.at,
    },
  };
}

async function purge(client: Queryable, input: PurgeInput): Promise<number> {
  // Finished: the status is final, and its last change is older than the cutoff (ISO times sort as text).
  const { rows } = await client.query<{ id: string }>(
    // A purged request stays findable by its tracking code alone; a proxy's name and CIN leave with the rest.
    `UPDATE requests r SET body = '', body_sha256 = encode(sha256(convert_to(r.body, 'UTF8')), 'hex'), purged_at = $1, status_proof = NULL,
       search_keys = ${TRACKING_KEY_ONLY}
     WHERE r.purged_at IS NULL AND r.status = ANY($2::text[])
       AND (SELECT MAX(c.changed_at) FROM status_changes c WHERE c.request_id = r.id) <= $3
     RETURNING r.id`,
    [input.at, FINAL_STATUSES, input.finishedBefore],
  );
  // A refusal reason is free text staff typed about the citizen: it goes with the body.
  if (rows.length > 0) {
    const ids = rows.map((row) => row.id);
    await client.query('UPDATE status_changes SET reason = NULL WHERE request_id = ANY($1::text[]) AND reason IS NOT NULL', [ids]);
    await client.query('UPDATE request_events SET reason = NULL WHERE request_id = ANY($1::text[]) AND reason IS NOT NULL', [ids]);
    await client.query(`UPDATE request_events SET detail = '{}' WHERE request_id = ANY($1::text[]) AND kind = 'collected'`, [ids]);
  }
  // Audit details are free text from kiosks: emptied after the same retention.
  await client.query(`UPDATE audit_entries SET detail = '', purged_at = $1 WHERE purged_at IS NULL AND received_at <= $2`, [input.at, input.finishedBefore]);
  // The messages to the citizen hold their phone or address: they go with the body.
  await purgeOutboxInPostgres(client, { requestIds: rows.map((row) => row.id), finishedBefore: input.finishedBefore, at: input.at });
  return rows.length;
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
          const { rows } = await client.query<ChangeRow>(
            `SELECT ${CHANGE_COLUMNS} FROM status_changes c JOIN requests r ON r.id = c.request_id
             WHERE c.office_id = $1 AND c.seq > $2 ORDER BY c.seq LIMIT $3`,
            [officeId, since, limit + 1],
          );
          const { rows: high } = await client.query<HighWaterFacts>(
            `SELECT (SELECT COALESCE(MAX(seq), 0) FROM status_changes WHERE office_id = $1) AS "officeHigh",
                    (SELECT COALESCE(MAX(seq), 0) FROM status_changes) AS "anyHigh"`,
            [officeId],
          );
          const changes = rows.slice(0, limit).map(toStatusChange);
          return { changes, more: rows.length > limit, highWater: officeHighWater(since, high[0]!) };
        },
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      ),
    findRequestByTrackingCode: async (trackingCode: string): Promise<RequestSummary | null> => {
      // Through the prefix's owner: a copy of the code pushed by another device (before prefixes were bound) is never found.
      // The owner first (by key), then its row through UNIQUE (device_id, tracking_code): no index on the code alone (014).
      const { rows } = await pool.query<RequestSummary>(
        `SELECT r.id, r.office_id AS "officeId", r.tracking_code AS "trackingCode", r.status
         FROM tracking_prefixes p JOIN requests r ON r.device_id = p.device_id AND r.tracking_code = $1
         WHERE p.prefix = substr($1, 1, 3)`,
        [trackingCode],
      );
      return rows[0] ?? null;
    },
  };
}
