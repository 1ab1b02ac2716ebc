import { z } from 'zod';
import { afterFailedProof, FREE_FAILURES, NO_FAILURES, type LookupFailures } from '../domain/lookupThrottle';
import type { ShubbakDb } from './db';
import { META_KEYS, readMeta, writeMeta } from './meta';

const failuresSchema = z.object({ at: z.array(z.number()).max(FREE_FAILURES * 2) });

/** The citizen lookup's failed proofs on this kiosk; a damaged record counts as the throttle reached. */
export async function readLookupFailures(db: ShubbakDb, now: number): Promise<LookupFailures> {
  const parsed = failuresSchema.safeParse(await readMeta<unknown>(db, META_KEYS.lookupFailures, NO_FAILURES));
  return parsed.success ? parsed.data : { at: Array.from({ length: FREE_FAILURES }, () => now) };
}

export async function recordLookupFailure(db: ShubbakDb, now: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await writeMeta(db, META_KEYS.lookupFailures, afterFailedProof(await readLookupFailures(db, now), now));
  });
}
