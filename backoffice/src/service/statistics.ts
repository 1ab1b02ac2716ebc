import { MAX_STATISTICS_DAYS, STATISTICS_CSV_COLUMNS, type Statistics } from '../../../src/domain/console/statistics';
import type { DayServiceCount } from '../store/consoleTypes';
import type { Store } from '../store/types';
import { ApiError } from './apiError';

const DAY_MS = 24 * 60 * 60 * 1000;

function daysOf(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00.000Z`);
  const end = Date.parse(`${to}T00:00:00.000Z`);
  if (end < start) throw new ApiError(400, 'invalid_query', '`to` is before `from`.');
  const count = (end - start) / DAY_MS + 1;
  if (count > MAX_STATISTICS_DAYS) throw new ApiError(400, 'invalid_query', `At most ${MAX_STATISTICS_DAYS} days at a time.`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function rows(store: Store, officeId: string, from: string, to: string) {
  const days = daysOf(from, to);
  const receivedBefore = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString();
  const data = await store.statisticsRows({ officeId, receivedFrom: `${from}T00:00:00.000Z`, receivedBefore });
  return { days, ...data };
}

/** Requests per day and per service, the median time to `ready`, the share refused. */
export async function officeStatistics(store: Store, officeId: string, from: string, to: string): Promise<Statistics> {
  const { days, counts, readyDurationsMs } = await rows(store, officeId, from, to);
  const perService = new Map<string, Omit<DayServiceCount, 'day'>>();
  for (const row of counts) {
    const total = perService.get(row.serviceId) ?? { serviceId: row.serviceId, received: 0, ready: 0, collected: 0, refused: 0 };
    total.received += row.received;
    total.ready += row.ready;
    total.collected += row.collected;
    total.refused += row.refused;
    perService.set(row.serviceId, total);
  }
  const services = [...perService.values()].sort((a, b) => b.received - a.received || a.serviceId.localeCompare(b.serviceId));
  const decided = services.reduce((n, s) => n + s.ready + s.collected + s.refused, 0);
  const refused = services.reduce((n, s) => n + s.refused, 0);
  const middle = median(readyDurationsMs);
  return {
    from,
    to,
    perDay: days.map((day) => ({ day, received: counts.filter((row) => row.day === day).reduce((n, row) => n + row.received, 0) })),
    perService: services,
    received: services.reduce((n, s) => n + s.received, 0),
    medianReceivedToReadyHours: middle === null ? null : Math.round((middle / 3_600_000) * 100) / 100,
    refusedShare: decided === 0 ? null : refused / decided,
  };
}

/** One line per day and service that had requests; a header line first. */
export async function statisticsCsv(store: Store, officeId: string, from: string, to: string): Promise<string> {
  const { counts } = await rows(store, officeId, from, to);
  const lines = [STATISTICS_CSV_COLUMNS.join(',')];
  for (const row of counts) lines.push(STATISTICS_CSV_COLUMNS.map((column) => String(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
