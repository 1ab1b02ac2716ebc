import { catalogueSchema, type Catalogue } from '../domain/catalogue';
import type { ShubbakDb } from './db';

/**
 * The stored catalogue when it is readable, else null. It may still be older than the one this
 * build ships: `loadCatalogue` says which one to use. The first screen shows what is stored (the
 * attract screen lists no service) and the kiosk settles the comparison as soon as its storage
 * is open (src/app/KioskApp.tsx). The shipped catalogue is a chunk of its own, fetched beside
 * the first read (src/app/firstReads.ts) and shown first only when nothing is stored.
 */
export function catalogueFromStored(stored: unknown): Catalogue | null {
  const parsed = catalogueSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Shipped with the app: what the kiosk offers before its first pull. */
export function loadDefaultCatalogue(): Promise<Catalogue> {
  return import('./defaultCatalogue').then(({ DEFAULT_CATALOGUE }) => DEFAULT_CATALOGUE);
}

/** The stored catalogue when it is readable and not older than the shipped one, else the shipped one (a corrupt row never leaves the kiosk empty). */
export async function loadCatalogue(db: ShubbakDb): Promise<Catalogue> {
  const [stored, shipped] = await Promise.all([db.catalogue.get('current'), loadDefaultCatalogue()]);
  const parsed = catalogueFromStored(stored?.catalogue);
  return parsed && parsed.version >= shipped.version ? parsed : shipped;
}

/** Stores the catalogue only if its version is newer than the one in use; returns whether it did. */
export async function saveCatalogue(db: ShubbakDb, catalogue: Catalogue): Promise<boolean> {
  const next = catalogueSchema.parse(catalogue);
  return db.transaction('rw', db.catalogue, async () => {
    const current = await loadCatalogue(db);
    if (next.version <= current.version) return false;
    await db.catalogue.put({ key: 'current', catalogue: next });
    return true;
  });
}
