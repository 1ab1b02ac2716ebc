import type Database from 'better-sqlite3';

/** What the back office itself saw of a sync: read from its own tables, not from the kiosk's word. */
export interface ServerSyncFigures {
  /**
   * Items that reached the server again: its per-device replay count (an item whose kiosk sequence
   * it had already seen; out-of-order arrivals of pipelined batches count too), so 0 means no item came twice.
   */
  redundantDeliveries: number;
  /** Requests logged `received` more than once: must be 0 whatever the network did. */
  storedTwice: number;
}

/** The figures of bench:sync and of every fault test, from one SQLite back office's database (opened read-only by the caller). */
export function serverSyncFigures(db: Database.Database): ServerSyncFigures {
  const redundantDeliveries = db.prepare<[], number>('SELECT COALESCE(SUM(kiosk_seq_replays), 0) FROM devices').pluck().get() ?? 0;
  const storedTwice =
    db.prepare<[], number>(`SELECT COUNT(*) FROM (SELECT request_id FROM status_changes WHERE status = 'received' GROUP BY request_id HAVING COUNT(*) > 1)`).pluck().get() ?? 0;
  return { redundantDeliveries, storedTwice };
}
