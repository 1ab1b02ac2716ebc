import type { ShubbakDb } from './db';
import { META_KEYS } from './meta';

/**
 * The record of what is on the wire (see outboxSync.ts): read by the sync engine, and by the
 * supervisor's views and the discard guard. Kept apart from outboxSync so that the citizen
 * flow's bundle, which holds the outbox's own functions, does not carry the sync engine.
 */

/** The items taken for sending and not answered yet: the batch on the wire and the one taken early. */
export interface InFlightRecord {
  /** Ids of the in-flight items, in the order they were taken. They are all in the pending set. */
  ids: string[];
  /** Kiosk sequence of the last item taken: the next batch starts after it. */
  lastTakenSeq: number;
}

export async function readInFlight(db: ShubbakDb): Promise<InFlightRecord | null> {
  return ((await db.meta.get(META_KEYS.inFlight))?.value as InFlightRecord | undefined) ?? null;
}

/** The ids on the wire (for the supervisor's view and the discard guard). */
export async function inFlightIds(db: ShubbakDb): Promise<Set<string>> {
  return new Set((await readInFlight(db))?.ids ?? []);
}
