import { isFinalStatus } from '../domain/status';
import type { AckRecord, OutboxRecord, ShubbakDb, StatusRecord } from './db';
import { syncedWithPersonalData } from './outboxStates';

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
  return db.transaction('rw', [db.outbox, db.pending, db.acks, db.statuses], async () => {
    let clockCorrected = 0;
    await db.acks.where('at').above(now).modify((ack) => {
      clockCorrected += ack.seqs.length;
      ack.at = now;
    });
    // Read together, not record by record: after a long time offline, thousands of records fall due at once.
    const due = await db.acks.where('at').belowOrEqual(finalCutoff).toArray();
    const held = await syncedWithPersonalData(db, due.flatMap((ack) => ack.seqs));
    const statuses = await db.statuses.bulkGet(held.map((row) => row.id));
    const finished = new Set(held.filter((_row, index) => isFinished(statuses[index])).map((row) => row.kioskSeq));
    const heldBySeq = new Map(held.map((row) => [row.kioskSeq, row]));
    const purgeable: OutboxRecord[] = [];
    const emptied: number[] = [];
    const trimmed: AckRecord[] = [];
    for (const ack of due) {
      const kept: number[] = [];
      for (const seq of ack.seqs) {
        const row = heldBySeq.get(seq);
        if (!row) continue;
        if (finished.has(seq) || ack.at <= unfinishedCutoff) purgeable.push(row);
        else kept.push(seq);
      }
      // A record keeps only the items that still hold personal data, and goes with the last of them.
      if (kept.length === 0) emptied.push(ack.key!);
      else if (kept.length < ack.seqs.length) trimmed.push({ ...ack, seqs: kept });
    }
    await db.outbox.bulkPut(purgeable.map((row) => ({ ...row, request: null })));
    await db.acks.bulkDelete(emptied);
    await db.acks.bulkPut(trimmed);
    const purged = purgeable.length;
    return { purged, clockCorrected };
  });
}

function isFinished(status: StatusRecord | undefined): boolean {
  return status !== undefined && isFinalStatus(status.status);
}
