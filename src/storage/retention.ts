import { isFinalStatus } from '../domain/status';
import type { OutboxItem, ShubbakDb } from './db';

/**
 * Retention of personal data on the kiosk (law 09-08: no copy of identity data outlives its
 * purpose). Rules, in order of precedence:
 * - only `synced` items are ever purged: queued, sending and rejected items keep everything,
 *   whatever the clock says (an unsynced item is never expired);
 * - a synced item whose remote status is final (`collected` / `refused`) loses its personal
 *   data `retentionDays` after it was synced;
 * - a synced item still in progress at the back office keeps it `UNFINISHED_RETENTION_FACTOR`
 *   times longer (so a back office restored from a recent backup can be re-sent the request),
 *   then loses it too: the kiosk is not the archive;
 * - the sync engine calls this only at the end of a complete cycle, i.e. while in sync, so the
 *   statuses it reads are fresh.
 * Clocks: a retention start in the future (the clock was ahead when the item was synced, then
 * corrected) is brought back to now, so a wrong clock delays a purge by at most one period and
 * never blocks it forever. A clock that jumps ahead only purges synced items early.
 * The id, tracking code, service, local state and remote status stay.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const UNFINISHED_RETENTION_FACTOR = 3;

export interface PurgeOptions {
  retentionDays: number;
  /** Epoch ms, kiosk clock. */
  now: number;
}

export interface PurgeReport {
  purged: number;
  /** Items whose retention start was in the future and was brought back to now. */
  clockCorrected: number;
}

export async function purgePersonalData(db: ShubbakDb, { retentionDays, now }: PurgeOptions): Promise<PurgeReport> {
  const finalCutoff = now - retentionDays * DAY_MS;
  const unfinishedCutoff = now - retentionDays * UNFINISHED_RETENTION_FACTOR * DAY_MS;
  return db.transaction('rw', db.outbox, db.statuses, async () => {
    const clockCorrected = await db.outbox.where('retentionFrom').above(now).modify({ retentionFrom: now });
    const due = await db.outbox.where('retentionFrom').belowOrEqual(finalCutoff).toArray();
    const statuses = await db.statuses.bulkGet(due.map((item) => item.id));
    const purgeable = due.filter((item, index) => {
      if (item.state !== 'synced') return false;
      const status = statuses[index]?.status;
      const from = item.retentionFrom ?? now;
      return (status !== undefined && isFinalStatus(status)) || from <= unfinishedCutoff;
    });
    await db.outbox.bulkPut(purgeable.map(withoutPersonalData));
    return { purged: purgeable.length, clockCorrected };
  });
}

function withoutPersonalData(item: OutboxItem): OutboxItem {
  const { retentionFrom: _dropped, ...kept } = item;
  return { ...kept, request: null };
}
