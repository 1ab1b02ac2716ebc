import { catalogueSchema, type Catalogue } from '../domain/catalogue';
import defaultCatalogueJson from '../../assets/catalogue/default-catalogue.json';
import type { ShubbakDb } from './db';

/** Shipped with the app: what the kiosk offers before its first pull. Parsed, never trusted. */
export const DEFAULT_CATALOGUE: Catalogue = catalogueSchema.parse(defaultCatalogueJson);

/** The stored catalogue when it is readable, else the shipped default (a corrupt row never leaves the kiosk empty). */
export function catalogueFromStored(stored: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(stored);
  if (!parsed.success || parsed.data.version < DEFAULT_CATALOGUE.version) return DEFAULT_CATALOGUE;
  return parsed.data;
}

export async function loadCatalogue(db: ShubbakDb): Promise<Catalogue> {
  return catalogueFromStored((await db.catalogue.get('current'))?.catalogue);
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
