import { officeIdentitySchema, type OfficeIdentity } from '../domain/officeIdentity';
import type { ShubbakDb } from './db';
import { META_KEYS, readMeta, writeMeta } from './meta';

/** The office identity last pulled, or null (none pulled, or a stored one that no longer parses: the neutral default shows). */
export function officeIdentityFromStored(stored: unknown): OfficeIdentity | null {
  const parsed = officeIdentitySchema.safeParse(stored ?? null);
  return parsed.success ? parsed.data : null;
}

export async function loadOfficeIdentity(db: ShubbakDb): Promise<OfficeIdentity | null> {
  return officeIdentityFromStored(await readMeta<unknown>(db, META_KEYS.officeIdentity, null));
}

/** Keeps the identity only if it is newer than the stored one; returns whether it did. */
export async function saveOfficeIdentity(db: ShubbakDb, identity: OfficeIdentity): Promise<boolean> {
  const next = officeIdentitySchema.parse(identity);
  return db.transaction('rw', db.meta, async () => {
    const current = await loadOfficeIdentity(db);
    if (current && next.version <= current.version) return false;
    await writeMeta(db, META_KEYS.officeIdentity, next);
    return true;
  });
}
