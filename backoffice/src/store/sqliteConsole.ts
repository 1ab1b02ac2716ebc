import type Database from 'better-sqlite3';
import type { QueueId } from '../../../src/domain/console/queues';
import type { ListOrder } from '../../../src/domain/console/paging';
import type { RemoteStatus } from '../../../src/domain/status';
import type { ChecklistRow, ConsoleStore, DayServiceCount, EventRow, HeartbeatRow, MutationOutcome, Page, QueueQuery, RequestMutation, SearchFilter, WorkRow } from './consoleTypes';

const WORK_COLUMNS = `r.id, r.office_id AS officeId, r.tracking_code AS trackingCode, r.service_id AS serviceId, r.channel, r.status,
  r.body, r.device_id AS deviceId, d.label AS kioskLabel, r.received_at AS receivedAt, r.status_at AS statusAt, r.due_at AS dueAt,
  r.assignee_id AS assigneeId, s.name AS assigneeName, r.version`;
const WORK_FROM = 'requests r JOIN devices d ON d.id = r.device_id LEFT JOIN staff_accounts s ON s.id = r.assignee_id';

const EVENT_SELECT = `SELECT e.seq, e.request_id AS requestId, r.tracking_code AS trackingCode, e.kind, e.at, e.staff_id AS staffId,
  s.name AS staffName, e.status, e.reason_code AS reasonCode, e.reason, e.detail
  FROM request_events e JOIN requests r ON r.id = e.request_id LEFT JOIN staff_accounts s ON s.id = e.staff_id`;

/**
 * Each work queue is one function: the WHERE clause after `r.office_id = ?`, and its parameters.
 * Every one is served by an index in reception order (requests_queue, requests_queue_by_assignee).
 */
export const QUEUE_CONDITIONS: Record<QueueId, (staffId: string) => { sql: string; params: string[] }> = {
  new: () => ({ sql: "r.status = 'received'", params: [] }),
  inReviewMine: (staffId) => ({ sql: "r.assignee_id = ? AND r.status = 'inReview'", params: [staffId] }),
  inReviewAll: () => ({ sql: "r.status = 'inReview'", params: [] }),
  ready: () => ({ sql: "r.status = 'ready'", params: [] }),
  collected: () => ({ sql: "r.status = 'collected'", params: [] }),
  refused: () => ({ sql: "r.status = 'refused'", params: [] }),
};

/**
 * The end of a prefix's range of terms: U+10FFFF, a noncharacter above every letter and digit a
 * term is made of, so every term starting with the prefix sorts below it (UTF-8, byte by byte), as
 * PostgreSQL's prefix match finds them. (U+FFFF left out terms going on with a letter beyond it.)
 */
const PREFIX_END = '\u{10FFFF}';

/** The bounds of the terms starting with `prefix`: `term >= ? AND term < ?`. */
const prefixRange = (prefix: string) => [prefix, `${prefix}${PREFIX_END}`];

/** Above this many matches, a search page is read in date order rather than sorted (see searchRequests). */
const MANY_MATCHES = 2_000;

const direction = (order: ListOrder) => (order === 'newest' ? 'DESC' : 'ASC');

/**
 * The console's queries and writes on SQLite. Queues and counts walk the `requests_queue`
 * indexes (office, status, reception); search walks the prefix index of the search terms.
 */
/** `mutateRequestNow`: the same mutation, synchronous, for a caller's own transaction (issuing a certificate nests it). */
export function sqliteConsole(db: Database.Database): ConsoleStore & { mutateRequestNow(mutation: RequestMutation): MutationOutcome } {
  const statements = new Map<string, Database.Statement>();
  /** Queries are built from a few fixed shapes: each text is prepared once. */
  function sql<R>(source: string): Database.Statement<unknown[], R> {
    let statement = statements.get(source);
    if (!statement) {
      statement = db.prepare(source);
      statements.set(source, statement);
    }
    return statement as Database.Statement<unknown[], R>;
  }

  function page(where: string, params: unknown[], order: ListOrder, offset: number, limit: number, count = true): Page<WorkRow> {
    const dir = direction(order);
    const rows = sql<WorkRow>(
      `SELECT ${WORK_COLUMNS} FROM ${WORK_FROM} WHERE ${where} ORDER BY r.received_at ${dir}, r.id ${dir} LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset);
    const total = count ? (sql<number>(`SELECT COUNT(*) FROM requests r WHERE ${where}`).pluck().get(...params) ?? 0) : rows.length;
    return { rows, total };
  }

  const counts = db.transaction((officeId: string, staffId: string, now: string) => {
    const byStatus = sql<{ status: RemoteStatus; n: number }>('SELECT status, COUNT(*) AS n FROM requests WHERE office_id = ? GROUP BY status').all(officeId);
    const of = (status: RemoteStatus) => byStatus.find((row) => row.status === status)?.n ?? 0;
    const mine = sql<number>("SELECT COUNT(*) FROM requests WHERE office_id = ? AND assignee_id = ? AND status = 'inReview'").pluck().get(officeId, staffId) ?? 0;
    const overdue =
      sql<number>(
        `SELECT (SELECT COUNT(*) FROM requests WHERE office_id = ? AND status = 'received' AND due_at < ?)
              + (SELECT COUNT(*) FROM requests WHERE office_id = ? AND status = 'inReview' AND due_at < ?)`,
      )
        .pluck()
        .get(officeId, now, officeId, now) ?? 0;
    const result: Record<QueueId, number> = {
      new: of('received'),
      inReviewMine: mine,
      inReviewAll: of('inReview'),
      ready: of('ready'),
      collected: of('collected'),
      refused: of('refused'),
    };
    return { counts: result, overdue };
  });

  const mutate = db.transaction((m: RequestMutation): MutationOutcome => {
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
    const { changes } = sql(`UPDATE requests SET ${sets.join(', ')} WHERE id = ? AND office_id = ? AND version = ?`).run(
      ...params,
      m.requestId,
      m.officeId,
      m.expectedVersion,
    );
    if (changes === 0) {
      const exists = sql<number>('SELECT 1 FROM requests WHERE id = ? AND office_id = ?').pluck().get(m.requestId, m.officeId);
      return { ok: false, reason: exists === undefined ? 'notFound' : 'versionConflict' };
    }
    const current = sql<{ status: RemoteStatus; version: number }>('SELECT status, version FROM requests WHERE id = ?').get(m.requestId)!;
    if (m.status !== undefined) {
      sql(
        `INSERT INTO status_changes (request_id, office_id, status, reason, reason_code, changed_at, changed_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(m.requestId, m.officeId, m.status, m.event.reason ?? null, m.event.reasonCode ?? null, m.at, `staff:${m.staffId}`);
    }
    if (m.checklist) {
      sql(
        `INSERT INTO request_checklist (request_id, doc_index, checked, staff_id, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (request_id, doc_index) DO UPDATE SET checked = excluded.checked, staff_id = excluded.staff_id, at = excluded.at`,
      ).run(m.requestId, m.checklist.index, m.checklist.checked ? 1 : 0, m.staffId, m.at);
    }
    const { lastInsertRowid } = sql(
      `INSERT INTO request_events (request_id, office_id, kind, at, staff_id, status, reason_code, reason, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(m.requestId, m.officeId, m.event.kind, m.at, m.staffId, current.status, m.event.reasonCode ?? null, m.event.reason ?? null, JSON.stringify(m.event.detail ?? {}));
    sql('INSERT INTO staff_audit (at, staff_id, office_id, action, request_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      m.at,
      m.staffId,
      m.officeId,
      m.audit.action,
      m.requestId,
      m.audit.detail,
    );
    return { ok: true, version: current.version, seq: Number(lastInsertRowid) };
  });

  const writeTerms = db.transaction((input: { requestId: string; officeId: string; terms: readonly string[] }) => {
    sql('DELETE FROM request_search_terms WHERE request_id = ?').run(input.requestId);
    const insert = sql('INSERT INTO request_search_terms (office_id, term, request_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    for (const term of input.terms) insert.run(input.officeId, term, input.requestId);
    sql('UPDATE requests SET search_indexed = 1 WHERE id = ?').run(input.requestId);
  });

  return {
    queueCounts: async ({ officeId, staffId, now }) => counts.deferred(officeId, staffId, now),

    queuePage: async (q: QueueQuery) => {
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

      // The requests whose terms start with every prefix: prefix ranges on the (office, term) key, intersected.
      const matching = f.prefixes
        .map(() => 'SELECT t.request_id FROM request_search_terms t WHERE t.office_id = ? AND t.term >= ? AND t.term < ?')
        .join(' INTERSECT ');
      const matchParams = f.prefixes.flatMap((prefix) => [f.officeId, ...prefixRange(prefix)]);
      const filtered = where.length > 1;
      // DISTINCT: one prefix alone is no INTERSECT, and a request may have several terms starting with it.
      const total = filtered
        ? (sql<number>(`SELECT COUNT(*) FROM requests r WHERE ${where.join(' AND ')} AND r.id IN (${matching})`).pluck().get(...params, ...matchParams) ?? 0)
        : (sql<number>(`SELECT COUNT(DISTINCT request_id) FROM (${matching})`).pluck().get(...matchParams) ?? 0);
      // Few matches: fetch them by id and sort them. Many (a common name): walk the office's requests
      // in date order, asking each one's own terms, until the page is full.
      const rows =
        total <= MANY_MATCHES
          ? page([...where, `r.id IN (${matching})`].join(' AND '), [...params, ...matchParams], f.order, f.offset, f.limit, false)
          : page(
              [...where, ...f.prefixes.map(() => 'EXISTS (SELECT 1 FROM request_search_terms t WHERE t.request_id = r.id AND t.term >= ? AND t.term < ?)')].join(' AND '),
              [...params, ...f.prefixes.flatMap(prefixRange)],
              f.order,
              f.offset,
              f.limit,
              false,
            );
      return { rows: rows.rows, total };
    },

    getWorkRow: async (officeId, requestId) =>
      sql<WorkRow>(`SELECT ${WORK_COLUMNS} FROM ${WORK_FROM} WHERE r.id = ? AND r.office_id = ?`).get(requestId, officeId) ?? null,

    timeline: async (requestId) => sql<EventRow>(`${EVENT_SELECT} WHERE e.request_id = ? ORDER BY e.seq`).all(requestId),

    checklist: async (requestId) =>
      sql<Omit<ChecklistRow, 'checked'> & { checked: number }>(
        `SELECT c.doc_index AS "index", c.checked, c.staff_id AS staffId, s.name AS staffName, c.at
         FROM request_checklist c JOIN staff_accounts s ON s.id = c.staff_id WHERE c.request_id = ? ORDER BY c.doc_index`,
      )
        .all(requestId)
        .map((row) => ({ ...row, checked: row.checked === 1 })),

    mutateRequest: async (mutation) => mutate.immediate(mutation),
    mutateRequestNow: (mutation) => mutate(mutation),

    eventsSince: async (officeId, since, limit) => {
      const rows = sql<EventRow>(`${EVENT_SELECT} WHERE e.office_id = ? AND e.seq > ? ORDER BY e.seq LIMIT ?`).all(officeId, since, limit + 1);
      return { events: rows.slice(0, limit), more: rows.length > limit };
    },

    lastEventSeq: async (officeId) => sql<number>('SELECT COALESCE(MAX(seq), 0) FROM request_events WHERE office_id = ?').pluck().get(officeId) ?? 0,

    requestsToIndex: async (limit) =>
      sql<{ id: string; officeId: string; trackingCode: string; body: string }>(
        'SELECT id, office_id AS officeId, tracking_code AS trackingCode, body FROM requests WHERE search_indexed = 0 LIMIT ?',
      ).all(limit),

    writeSearchTerms: async (input) => writeTerms.immediate(input),

    recordHeartbeat: async ({ deviceId, body, receivedAt }) => {
      sql(
        `INSERT INTO device_heartbeats (device_id, body, received_at) VALUES (?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at`,
      ).run(deviceId, body, receivedAt);
    },

    listHeartbeats: async (officeId) =>
      sql<HeartbeatRow>(
        `SELECT h.device_id AS deviceId, h.body, h.received_at AS receivedAt
         FROM device_heartbeats h JOIN devices d ON d.id = h.device_id WHERE d.office_id = ?`,
      ).all(officeId),

    statisticsRows: async ({ officeId, receivedFrom, receivedBefore }) => {
      const counts = sql<DayServiceCount>(
        `SELECT substr(received_at, 1, 10) AS day, service_id AS serviceId, COUNT(*) AS received,
           SUM(CASE WHEN status = 'ready' THEN 1 ELSE 0 END) AS ready,
           SUM(CASE WHEN status = 'collected' THEN 1 ELSE 0 END) AS collected,
           SUM(CASE WHEN status = 'refused' THEN 1 ELSE 0 END) AS refused
         FROM requests WHERE office_id = ? AND received_at >= ? AND received_at < ?
         GROUP BY substr(received_at, 1, 10), service_id ORDER BY day, serviceId`,
      ).all(officeId, receivedFrom, receivedBefore);
      // An event's status is the one it left the request in: the first with `ready` is when it became ready.
      const ready = sql<{ receivedAt: string; readyAt: string }>(
        `SELECT r.received_at AS receivedAt, MIN(e.at) AS readyAt
         FROM requests r JOIN request_events e ON e.request_id = r.id AND e.status = 'ready'
         WHERE r.office_id = ? AND r.received_at >= ? AND r.received_at < ? GROUP BY r.id, r.received_at`,
      ).all(officeId, receivedFrom, receivedBefore);
      return { counts, readyDurationsMs: ready.map((row) => Date.parse(row.readyAt) - Date.parse(row.receivedAt)) };
    },
  };
}
