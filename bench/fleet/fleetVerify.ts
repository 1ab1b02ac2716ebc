import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import pg from 'pg';
import type { StoreConfig } from '../../backoffice/src/store/openStore';
import type { SimKiosk } from './simKiosk';

interface Rows {
  requestIds: string[];
  /** Requests with more than one `received` change: stored (or logged) twice. */
  receivedTwice: number;
  changes: { seq: number; officeId: string }[];
  /** The database's size on disk (SQLite: the file after a checkpoint; PostgreSQL: pg_database_size). */
  bytes: number;
}

const REQUEST_IDS = 'SELECT id FROM requests';
const RECEIVED_TWICE = `SELECT COUNT(*) AS n FROM (SELECT request_id FROM status_changes WHERE status = 'received' GROUP BY request_id HAVING COUNT(*) > 1) t`;
const CHANGES = 'SELECT seq, office_id AS "officeId" FROM status_changes';

/** Plain reads of the tables, on either engine: the check does not trust the server's answers. */
async function readRows(config: StoreConfig): Promise<Rows> {
  if (config.engine === 'sqlite') {
    const db = new Database(config.file);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return {
        bytes: statSync(config.file).size,
        requestIds: db.prepare<[], string>(REQUEST_IDS).pluck().all(),
        receivedTwice: db.prepare<[], number>(RECEIVED_TWICE).pluck().get() ?? 0,
        changes: db.prepare<[], { seq: number; officeId: string }>(CHANGES).all(),
      };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    const ids = await client.query<{ id: string }>(REQUEST_IDS);
    const twice = await client.query<{ n: string }>(RECEIVED_TWICE);
    const changes = await client.query<{ seq: string; officeId: string }>(CHANGES);
    const size = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    return {
      bytes: Number(size.rows[0]?.bytes ?? 0),
      requestIds: ids.rows.map((row) => row.id),
      receivedTwice: Number(twice.rows[0]?.n ?? 0),
      changes: changes.rows.map((row) => ({ seq: Number(row.seq), officeId: row.officeId })),
    };
  } finally {
    await client.end();
  }
}

export interface FleetCheck {
  stored: number;
  /** Acknowledged to a kiosk but not in the database. */
  lost: number;
  /** Stored more than once (a second `received`, or a row under an id no kiosk sent twice). */
  storedTwice: number;
  /** Changes of a kiosk's office that its feed never delivered, summed over kiosks. */
  missedChanges: number;
  /** Stored but never acknowledged (the answer was lost on the way: the kiosk would resend, duplicate). */
  storedNotAcknowledged: number;
  databaseBytes: number;
  /** Database bytes per stored request (with its status changes, the offices and kiosks included). */
  bytesPerRequest: number;
}

export async function checkFleet(config: StoreConfig, kiosks: readonly SimKiosk[]): Promise<FleetCheck> {
  const rows = await readRows(config);
  const stored = new Set(rows.requestIds);
  const acknowledged = new Set<string>();
  for (const kiosk of kiosks) for (const id of kiosk.acknowledged.keys()) acknowledged.add(id);
  const byOffice = new Map<string, number[]>();
  for (const change of rows.changes) {
    const seqs = byOffice.get(change.officeId) ?? [];
    seqs.push(change.seq);
    byOffice.set(change.officeId, seqs);
  }
  let missedChanges = 0;
  for (const kiosk of kiosks) {
    for (const seq of byOffice.get(kiosk.identity.officeId) ?? []) if (!kiosk.seenSeqs.has(seq)) missedChanges++;
  }
  return {
    stored: stored.size,
    lost: [...acknowledged].filter((id) => !stored.has(id)).length,
    storedTwice: rows.receivedTwice + (rows.requestIds.length - stored.size),
    missedChanges,
    storedNotAcknowledged: [...stored].filter((id) => !acknowledged.has(id)).length,
    databaseBytes: rows.bytes,
    bytesPerRequest: stored.size ? Math.round(rows.bytes / stored.size) : 0,
  };
}
