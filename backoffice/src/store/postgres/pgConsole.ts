import type pg from 'pg';
import type { QueueId } from '../../../../src/domain/console/queues';
import type { ListOrder } from '../../../../src/domain/console/paging';
import type { RemoteStatus } from '../../../../src/domain/status';
import type { ChecklistRow, ConsoleStore, DayServiceCount, EventRow, HeartbeatRow, MutationOutcome, Page, QueueQuery, RequestMutation, SearchFilter, WorkRow } from '../consoleTypes';
import { notificationsOfChanges } from './pgOutbox';
import { lockFeeds } from './pgChangeLog';
import { searchKeysInput, searchQueryInput } from './pgSearchKeys';
import { inTransaction, type Queryable } from './pool';

const WORK_COLUMNS = `r.id, r.office_id AS "officeId", r.tracking_code AS "trackingCode", r.service_id AS "serviceId", r.channel, r.status,
  r.body, r.device_id AS "deviceId", d.label AS "kioskLabel", r.received_at AS "receivedAt", r.status_at AS "statusAt", r.due_at AS "dueAt",
  r.assignee_id AS "assigneeId", s.name AS "assigneeName", r.version`;
const WORK_FROM = 'requests r JOIN devices d ON d.id = r.device_id LEFT JOIN staff_accounts s ON s.id = r.assignee_id';

const EVENT_SELECT = `SELECT e.seq, e.request_id AS "requestId", r.tracking_code AS "trackingCode", e.kind, e.at, e.staff_id AS "staffId",
  s.name AS "staffName", e.status, e.reason_code AS "reasonCode", e.reason, e.detail
  FROM request_events e JOIN requests r ON r.id = e.request_id LEFT JOIN staff_accounts s ON s.id = e.staff_id`;

/** Each work queue: the condition after `r.office_id = ?`, and its parameters (as in sqliteConsole.ts). */
const QUEUE_CONDITIONS: Record<QueueId, (staffId: string) => { sql: string; params: string[] }> = {
  new: () => ({ sql: "r.status = 'received'", params: [] }),
  inReviewMine: (staffId) => ({ sql: "r.assignee_id = ? AND r.status = 'inReview'", params: [staffId] }),
  inReviewAll: () => ({ sql: "r.status = 'inReview'", params: [] }),
  ready: () => ({ sql: "r.status = 'ready'", params: [] }),
  collected: () => ({ sql: "r.status = 'collected'", params: [] }),
  refused: () => ({ sql: "r.status = 'refused'", params: [] }),
};

/** Ids compare byte by byte, as on SQLite, whatever the cluster's locale (search keys always do). */
const C = 'COLLATE "C"';

/** Above this many matches, a search page is read in date order rather than sorted. */
const MANY_MATCHES = 2_000;

/** The queries are built from `?` placeholders, as the SQLite store's: numbered here for pg. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const direction = (order: ListOrder) => (order === 'newest' ? 'DESC' : 'ASC');

/**
 * The same mutation as sqliteConsole.ts, inside the caller's transaction: the version check is a
 * conditional UPDATE (its row lock makes a second editor wait, then miss the version); the
 * status change and the timeline event are appended under the feed lock, in commit order.
 */
export async function mutateRequestIn(client: Queryable, m: RequestMutation): Promise<MutationOutcome> {
  const sets = ['version = version + 1'];
  const params: unknown[] = [];
  if (m.assignee !== undefined) {
    sets.push('assignee_id = ?');
    params.push(m.assignee);
  }
  if (m.status !== undefined) {
    sets.push('status = ?', 'status_at = ?');
    params.push(m.status, m.at);
  }
  const { rows } = await client.query<{ status: RemoteStatus; version: number }>(
    numbered(`UPDATE requests SET ${sets.join(', ')} WHERE id = ? AND office_id = ? AND version = ? RETURNING status, version`),
    [...params, m.requestId, m.officeId, m.expectedVersion],
  );
  const current = rows[0];
  if (!current) {
    const exists = await client.query('SELECT 1 FROM requests WHERE id = $1 AND office_id = $2', [m.requestId, m.officeId]);
    return { ok: false, reason: exists.rowCount === 0 ? 'notFound' : 'versionConflict' };
  }
  if (m.checklist) {
    await client.query(
      `INSERT INTO request_checklist (request_id, doc_index, checked, staff_id, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (request_id, doc_index) DO UPDATE SET checked = excluded.checked, staff_id = excluded.staff_id, at = excluded.at`,
      [m.requestId, m.checklist.index, m.checklist.checked ? 1 : 0, m.staffId, m.at],
    );
  }
  await client.query('INSERT INTO staff_audit (at, staff_id, office_id, action, request_id, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
    m.at,
    m.staffId,
    m.officeId,
    m.audit.action,
    m.requestId,
    m.audit.detail,
  ]);
  await lockFeeds(client, m.officeId);
  if (m.status !== undefined) {
    // The citizen's notifications of the change in the same statement (migration 015).
    await client.query(
      `WITH changed AS (
         INSERT INTO status_changes (request_id, office_id, status, reason, reason_code, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING seq, request_id, status, reason_code, changed_at
       )
       ${notificationsOfChanges('changed')}`,
      [m.requestId, m.officeId, m.status, m.event.reason ?? null, m.event.reasonCode ?? null, m.at, `staff:${m.staffId}`],
    );
  }
  const event = await client.query<{ seq: number }>(
    `INSERT INTO request_events (request_id, office_id, kind, at, staff_id, status, reason_code, reason, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING seq`,
    [m.requestId, m.officeId, m.event.kind, m.at, m.staffId, current.status, m.event.reasonCode ?? null, m.event.reason ?? null, JSON.stringify(m.event.detail ?? {})],
  );
  return { ok: true, version: current.version, seq: event.rows[0]!.seq };
}

/** The console's queries and writes on PostgreSQL, one for one with sqliteConsole.ts. */
export function pgConsole(pool: pg.Pool): ConsoleStore {
  async function all<R extends pg.QueryResultRow>(sql: string, params: readonly unknown[], client: Queryable = pool): Promise<R[]> {
    return (await client.query<R>(numbered(sql), [...params])).rows;
  }
  async function count(sql: string, params: readonly unknown[]): Promise<number> {
    return (await all<{ n: number }>(sql, params))[0]?.n ?? 0;
  }

  async function page(where: string, params: unknown[], order: ListOrder, offset: number, limit: number, withTotal = true): Promise<Page<WorkRow>> {
    const dir = direction(order);
    const rows = await all<WorkRow>(
      `SELECT ${WORK_COLUMNS} FROM ${WORK_FROM} WHERE ${where} ORDER BY r.received_at ${C} ${dir}, r.id ${C} ${dir} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    const total = withTotal ? await count(`SELECT COUNT(*) AS n FROM requests r WHERE ${where}`, params) : rows.length;
    return { rows, total };
  }

  return {
    queueCounts: ({ officeId, staffId, now }) =>
      inTransaction(
        pool,
        async (client) => {
          const byStatus = await all<{ status: RemoteStatus; n: number }>('SELECT status, COUNT(*) AS n FROM requests WHERE office_id = ? GROUP BY status', [officeId], client);
          const of = (status: RemoteStatus) => byStatus.find((row) => row.status === status)?.n ?? 0;
          const [mine] = await all<{ n: number }>("SELECT COUNT(*) AS n FROM requests WHERE office_id = ? AND assignee_id = ? AND status = 'inReview'", [officeId, staffId], client);
          const [overdue] = await all<{ n: number }>(
            "SELECT COUNT(*) AS n FROM requests WHERE office_id = ? AND status IN ('received', 'inReview') AND due_at < ?",
            [officeId, now],
            client,
          );
          const counts: Record<QueueId, number> = {
            new: of('received'),
            inReviewMine: mine?.n ?? 0,
            inReviewAll: of('inReview'),
            ready: of('ready'),
            collected: of('collected'),
            refused: of('refused'),
          };
          return { counts, overdue: overdue?.n ?? 0 };
        },
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      ),

    queuePage: (q: QueueQuery) => {
      const condition = QUEUE_CONDITIONS[q.queue](q.staffId);
      return page(`r.office_id = ? AND ${condition.sql}`, [q.officeId, ...condition.params], q.order, q.offset, q.limit);
    },

    searchRequests: async (f: SearchFilter) => {
      const where = ['r.office_id = ?'];
      const params: unknown[] = [f.officeId];
      const filters: Array<[string, unknown]> = [
        ['r.service_id = ?', f.serviceId],
        ['r.channel = ?', f.channel],
        ['r.device_id = ?', f.kioskId],
        ['r.status = ?', f.status],
        ['r.received_at >= ?', f.receivedFrom],
        ['r.received_at < ?', f.receivedBefore],
      ];
      for (const [clause, value] of filters) {
        if (value === undefined) continue;
        where.push(clause);
        params.push(value);
      }
      if (f.prefixes.length === 0) return page(where.join(' AND '), params, f.order, f.offset, f.limit);

      // The requests with a term starting with every prefix: a partial match per prefix in the
      // search keys' GIN index, counted first. Few matches: fetched through the index and sorted.
      // Many (a common name): the function form of @@, which the index does not serve, so the
      // office's requests are walked in date order until the page is full; the planner cannot
      // choose that itself, its estimate of a prefix's matches being far too low (9 for 22,000).
      const match = searchQueryInput(f.officeId, f.prefixes);
      const total = await count(`SELECT COUNT(*) AS n FROM requests r WHERE ${where.join(' AND ')} AND r.search_keys @@ ?::tsquery`, [...params, match]);
      const condition = total <= MANY_MATCHES ? 'r.search_keys @@ ?::tsquery' : 'ts_match_vq(r.search_keys, ?::tsquery)';
      const rows = await page([...where, condition].join(' AND '), [...params, match], f.order, f.offset, f.limit, false);
      return { rows: rows.rows, total };
    },

    getWorkRow: async (officeId, requestId) => (await all<WorkRow>(`SELECT ${WORK_COLUMNS} FROM ${WORK_FROM} WHERE r.id = ? AND r.office_id = ?`, [requestId, officeId]))[0] ?? null,

    timeline: (requestId) => all<EventRow>(`${EVENT_SELECT} WHERE e.request_id = ? ORDER BY e.seq`, [requestId]),

    checklist: async (requestId) =>
      (
        await all<Omit<ChecklistRow, 'checked'> & { checked: number }>(
          `SELECT c.doc_index AS "index", c.checked, c.staff_id AS "staffId", s.name AS "staffName", c.at
           FROM request_checklist c JOIN staff_accounts s ON s.id = c.staff_id WHERE c.request_id = ? ORDER BY c.doc_index`,
          [requestId],
        )
      ).map((row) => ({ ...row, checked: row.checked === 1 })),

    mutateRequest: (mutation) => inTransaction(pool, (client) => mutateRequestIn(client, mutation)),

    // Numbered in commit order (the feed lock), so a cursor never passes an event committed late.
    eventsSince: async (officeId, since, limit) => {
      const rows = await all<EventRow>(`${EVENT_SELECT} WHERE e.office_id = ? AND e.seq > ? ORDER BY e.seq LIMIT ?`, [officeId, since, limit + 1]);
      return { events: rows.slice(0, limit), more: rows.length > limit };
    },

    lastEventSeq: (officeId) => count('SELECT COALESCE(MAX(seq), 0) AS n FROM request_events WHERE office_id = ?', [officeId]),

    requestsToIndex: (limit) =>
      all<{ id: string; officeId: string; trackingCode: string; body: string }>(
        'SELECT id, office_id AS "officeId", tracking_code AS "trackingCode", body FROM requests WHERE search_indexed = 0 LIMIT ?',
        [limit],
      ),

    writeSearchTerms: async (input) => {
      await pool.query('UPDATE requests SET search_keys = $1::tsvector, search_indexed = 1 WHERE id = $2', [searchKeysInput(input.officeId, input.terms), input.requestId]);
    },

    recordHeartbeat: async ({ deviceId, body, receivedAt }) => {
      await pool.query(
        `INSERT INTO device_heartbeats (device_id, body, received_at) VALUES ($1, $2, $3)
         ON CONFLICT (device_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at`,
        [deviceId, body, receivedAt],
      );
    },

    listHeartbeats: (officeId) =>
      all<HeartbeatRow>(
        `SELECT h.device_id AS "deviceId", h.body, h.received_at AS "receivedAt"
         FROM device_heartbeats h JOIN devices d ON d.id = h.device_id WHERE d.office_id = ?`,
        [officeId],
      ),

    statisticsRows: async ({ officeId, receivedFrom, receivedBefore }) => {
      const counts = await all<DayServiceCount>(
        `SELECT substr(received_at, 1, 10) AS day, service_id AS "serviceId", COUNT(*) AS received,
           SUM(CASE WHEN status = 'ready' THEN 1 ELSE 0 END)::int AS ready,
           SUM(CASE WHEN status = 'collected' THEN 1 ELSE 0 END)::int AS collected,
           SUM(CASE WHEN status = 'refused' THEN 1 ELSE 0 END)::int AS refused
         FROM requests WHERE office_id = ? AND received_at >= ? AND received_at < ?
         GROUP BY substr(received_at, 1, 10), service_id ORDER BY substr(received_at, 1, 10), service_id ${C}`,
        [officeId, receivedFrom, receivedBefore],
      );
      // An event's status is the one it left the request in: the first with `ready` is when it became ready.
      const ready = await all<{ receivedAt: string; readyAt: string }>(
        `SELECT r.received_at AS "receivedAt", MIN(e.at) AS "readyAt"
         FROM requests r JOIN request_events e ON e.request_id = r.id AND e.status = 'ready'
         WHERE r.office_id = ? AND r.received_at >= ? AND r.received_at < ? GROUP BY r.id, r.received_at`,
        [officeId, receivedFrom, receivedBefore],
      );
      return { counts, readyDurationsMs: ready.map((row) => Date.parse(row.readyAt) - Date.parse(row.receivedAt)) };
    },
  };
}
