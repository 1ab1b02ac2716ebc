import { describe, expect, it } from 'vitest';
import { loadCatalogue, saveCatalogue } from '../../src/storage/catalogue';
import { DEFAULT_CATALOGUE } from '../../src/storage/defaultCatalogue';
import { freshDb } from './support';

describe('the stored service catalogue', () => {
  it('is the shipped default before the first pull', async () => {
    expect(await loadCatalogue(freshDb())).toEqual(DEFAULT_CATALOGUE);
  });

  it('takes a newer version and ignores an older or equal one', async () => {
    const db = freshDb();
    const newer = { ...DEFAULT_CATALOGUE, version: DEFAULT_CATALOGUE.version + 1, services: DEFAULT_CATALOGUE.services.slice(0, 2) };
    expect(await saveCatalogue(db, newer)).toBe(true);
    expect(await saveCatalogue(db, { ...DEFAULT_CATALOGUE, version: DEFAULT_CATALOGUE.version + 1 })).toBe(false);
    expect(await saveCatalogue(db, DEFAULT_CATALOGUE)).toBe(false);
    expect((await loadCatalogue(db)).services).toHaveLength(2);
  });

  it('falls back to the default when the stored row is unreadable, so the kiosk is never empty', async () => {
    const db = freshDb();
    await db.catalogue.put({ key: 'current', catalogue: { version: 99 } as never });
    expect(await loadCatalogue(db)).toEqual(DEFAULT_CATALOGUE);
  });
});
