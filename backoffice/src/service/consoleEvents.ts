import type { ConsoleEvent } from '../../../src/domain/console/events';
import type { EventRow } from '../store/consoleTypes';

export const EVENTS_PAGE = 200;

export function toConsoleEvent(row: EventRow): ConsoleEvent {
  return { seq: row.seq, requestId: row.requestId, trackingCode: row.trackingCode, kind: row.kind, status: row.status, at: row.at };
}
