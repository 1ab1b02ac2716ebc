import Dexie from 'dexie';
import type { LocalState } from '../domain/status';
import type { ShubbakDb } from './db';

/**
 * The outbox items in one stored state, in kiosk-sequence order, read on the `[state+kioskSeq]`
 * index: the only index by state since schema v3 (see db.ts).
 */
export function inState(db: ShubbakDb, state: LocalState) {
  return db.outbox.where('[state+kioskSeq]').between([state, Dexie.minKey], [state, Dexie.maxKey]);
}

/** How many stored items are in any of `states`. */
export async function countInStates(db: ShubbakDb, states: readonly LocalState[]): Promise<number> {
  const counts = await Promise.all([...new Set(states)].map((state) => inState(db, state).count()));
  return counts.reduce((sum, count) => sum + count, 0);
}
