import type { OutboxItem } from '../../src/storage/db';
import type { ServerRequestRow, SyncRig } from './rig';

/** The pushes, not the pulls: faults are aimed at the requests leaving the kiosk. */
export const PUSH = /\/api\/v1\/requests\/push/;

/** The back office's rows for these items, in the order it stored them. */
export function serverRowsFor(rig: SyncRig, items: readonly OutboxItem[]): ServerRequestRow[] {
  const ids = new Set(items.map((item) => item.id));
  return rig.serverRequests().filter((row) => ids.has(row.id));
}

/** Exactly once, in kiosk order: what the back office must hold once the kiosk says "synced". */
export function idsInKioskOrder(items: readonly OutboxItem[]): string[] {
  return [...items].sort((a, b) => a.kioskSeq - b.kioskSeq).map((item) => item.id);
}

export function ours(rows: readonly OutboxItem[], items: readonly OutboxItem[]): OutboxItem[] {
  const ids = new Set(items.map((item) => item.id));
  return rows.filter((row) => ids.has(row.id));
}
