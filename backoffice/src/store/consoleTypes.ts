import type { QueueId } from '../../../src/domain/console/queues';
import type { ListOrder } from '../../../src/domain/console/paging';
import type { Channel } from '../../../src/domain/console/requestRow';
import type { TimelineKind } from '../../../src/domain/console/requestDetail';
import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';
import type { RemoteStatus } from '../../../src/domain/status';

/**
 * The console's reads and writes of requests: queues, search, the request's working state and
 * timeline, the office's event feed, kiosk heartbeats and statistics. Every query is scoped by
 * office in SQL (never filtered afterwards), and every write checks the request's version in the
 * same statement that changes it.
 */

/** A request as a queue or a page needs it; `body` is the stored JSON ('' once purged). */
export interface WorkRow {
  id: string;
  officeId: string;
  trackingCode: string;
  serviceId: string;
  channel: Channel;
  status: RemoteStatus;
  body: string;
  deviceId: string;
  kioskLabel: string;
  receivedAt: string;
  statusAt: string;
  dueAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  version: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

export interface QueueQuery {
  officeId: string;
  queue: QueueId;
  /** Whose "mine" is. */
  staffId: string;
  order: ListOrder;
  offset: number;
  limit: number;
}

export interface QueueCountsQuery {
  officeId: string;
  staffId: string;
  /** Open requests with a due time before this are overdue. */
  now: string;
}

export interface SearchFilter {
  officeId: string;
  /** Each must start one of the request's search terms; empty lists by filter only. */
  prefixes: readonly string[];
  serviceId?: string | undefined;
  channel?: Channel | undefined;
  kioskId?: string | undefined;
  status?: RemoteStatus | undefined;
  /** Received at or after (ISO time). */
  receivedFrom?: string | undefined;
  /** Received before (ISO time). */
  receivedBefore?: string | undefined;
  order: ListOrder;
  offset: number;
  limit: number;
}

export interface EventRow {
  seq: number;
  requestId: string;
  trackingCode: string;
  kind: TimelineKind;
  at: string;
  staffId: string | null;
  staffName: string | null;
  status: RemoteStatus;
  reasonCode: RefusalReasonCode | null;
  reason: string | null;
  /** JSON of the kind's other details. */
  detail: string;
}

export interface ChecklistRow {
  index: number;
  checked: boolean;
  staffId: string;
  staffName: string;
  at: string;
}

/**
 * One change to a request by a staff member, applied only if the request is still at
 * `expectedVersion` (then the version goes up by one): the holder, the status (also appended to
 * the kiosks' change log), a checklist tick, and always one timeline event.
 */
export interface RequestMutation {
  requestId: string;
  officeId: string;
  expectedVersion: number;
  staffId: string;
  at: string;
  event: {
    kind: TimelineKind;
    reasonCode?: RefusalReasonCode | null;
    reason?: string | null;
    detail?: Readonly<Record<string, unknown>>;
  };
  /** undefined: unchanged; null: released. */
  assignee?: string | null;
  status?: RemoteStatus;
  checklist?: { index: number; checked: boolean };
  /** The staff audit entry, written in the same transaction (so no change goes unaudited). */
  audit: { action: string; detail: string };
}

export type MutationOutcome = { ok: true; version: number; seq: number } | { ok: false; reason: 'notFound' | 'versionConflict' };

export interface HeartbeatRow {
  deviceId: string;
  body: string;
  receivedAt: string;
}

/** Per day and service, the requests received that day and the status they stand at now. */
export interface DayServiceCount {
  day: string;
  serviceId: string;
  received: number;
  ready: number;
  collected: number;
  refused: number;
}

export interface ConsoleStore {
  queueCounts(query: QueueCountsQuery): Promise<{ counts: Record<QueueId, number>; overdue: number }>;
  queuePage(query: QueueQuery): Promise<Page<WorkRow>>;
  searchRequests(filter: SearchFilter): Promise<Page<WorkRow>>;
  /** The request if it belongs to the office; null otherwise (another office's is "not found"). */
  getWorkRow(officeId: string, requestId: string): Promise<WorkRow | null>;
  timeline(requestId: string): Promise<EventRow[]>;
  checklist(requestId: string): Promise<ChecklistRow[]>;
  mutateRequest(mutation: RequestMutation): Promise<MutationOutcome>;

  /** The office's events after `since`, oldest first. */
  eventsSince(officeId: string, since: number, limit: number): Promise<{ events: EventRow[]; more: boolean }>;
  /**
   * The office's highest event sequence: where a new listener starts. Its own office's, not any
   * office's: offices are numbered under separate locks (PostgreSQL), so a higher number of
   * another office may be visible while a lower one of this office still commits.
   */
  lastEventSeq(officeId: string): Promise<number>;

  /** Requests whose search terms were never written (made before the console existed). */
  requestsToIndex(limit: number): Promise<Array<{ id: string; officeId: string; trackingCode: string; body: string }>>;
  writeSearchTerms(input: { requestId: string; officeId: string; terms: readonly string[] }): Promise<void>;

  recordHeartbeat(input: { deviceId: string; body: string; receivedAt: string }): Promise<void>;
  listHeartbeats(officeId: string): Promise<HeartbeatRow[]>;

  statisticsRows(input: { officeId: string; receivedFrom: string; receivedBefore: string }): Promise<{
    counts: DayServiceCount[];
    /** Milliseconds from reception to `ready`, for the requests of the range that became ready. */
    readyDurationsMs: number[];
  }>;
}
