import type { ShubbakDb } from '../../../src/storage/db';

/** A request kept on the phone that the back office has not acknowledged yet. */
export interface WaitingRequest {
  id: string;
  trackingCode: string;
  serviceId: string;
  /** Epoch ms, phone clock. */
  createdAt: number;
  /** The back office refused it (a field it does not accept): it will not be sent again. */
  rejected: boolean;
}

/** Whether the request with this code still waits in the outbox (not yet acknowledged by the back office). */
export async function isWaiting(db: ShubbakDb, trackingCode: string): Promise<boolean> {
  const row = await db.outbox.where('trackingCode').equals(trackingCode).first();
  if (!row) return false;
  return (await db.pending.get(row.kioskSeq)) !== undefined;
}

/** The outbox's requests not (yet) on the back office, newest first, for "my requests". */
export async function waitingRequests(db: ShubbakDb): Promise<WaitingRequest[]> {
  return db.transaction('r', db.outbox, db.pending, async () => {
    const pending = await db.pending.toArray();
    const rows = (await db.outbox.bulkGet(pending.map((entry) => entry.id))).filter((row) => row !== undefined);
    const rejected = await db.outbox.where('[outcome+kioskSeq]').between(['rejected', 0], ['rejected', Infinity]).toArray();
    return [...rows.map((row) => ({ row, rejected: false })), ...rejected.map((row) => ({ row, rejected: true }))]
      .map(({ row, rejected: isRejected }) => ({ id: row.id, trackingCode: row.trackingCode, serviceId: row.serviceId, createdAt: row.createdAt, rejected: isRejected }))
      .sort((a, b) => b.createdAt - a.createdAt);
  });
}
