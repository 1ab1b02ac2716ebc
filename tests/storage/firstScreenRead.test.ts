import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeIdentity } from '../../src/domain/officeIdentity';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { catalogueFromStored, saveCatalogue } from '../../src/storage/catalogue';
import { DEFAULT_CATALOGUE } from '../../src/storage/defaultCatalogue';
import { ShubbakDb } from '../../src/storage/db';
import { saveEnrolment } from '../../src/storage/enrolment';
import { readFirstScreenRecords } from '../../src/storage/firstScreenRead';
import { officeIdentityFromStored, saveOfficeIdentity } from '../../src/storage/officeIdentity';
import { saveSettings, settingsFromStored } from '../../src/storage/settings';

/** The attract screen's read without Dexie (src/storage/firstScreenRead.ts) against what Dexie wrote. */
describe('the first screen read with the browser IndexedDB API', () => {
  const names: string[] = [];
  const fresh = () => {
    const name = `first-screen-${crypto.randomUUID()}`;
    names.push(name);
    return name;
  };
  afterEach(async () => {
    for (const name of names.splice(0)) await new ShubbakDb(name).delete();
  });

  it('reads nothing on a first start, and creates no database that Dexie would then have to upgrade', async () => {
    const name = fresh();
    expect(await readFirstScreenRecords(indexedDB, name)).toEqual({ settings: undefined, catalogue: undefined, officeIdentity: undefined, enrolmentStored: false });
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(name);
    const db = new ShubbakDb(name);
    await saveSettings(db, { officeName: 'Annexe 3' });
    expect((await db.meta.get('settings'))?.value).toMatchObject({ officeName: 'Annexe 3' });
    db.close();
  });

  it('answers a first start before its abort is through, and Dexie opened at once still creates its database', async () => {
    const name = fresh();
    const read = readFirstScreenRecords(indexedDB, name);
    expect(await read).toMatchObject({ settings: undefined, enrolmentStored: false });
    // No other wait in between: IndexedDB queues this open behind the aborted one.
    const db = new ShubbakDb(name);
    await saveSettings(db, { officeName: 'Annexe 5' });
    expect(db.verno).toBeGreaterThan(0);
    expect((await db.meta.get('settings'))?.value).toMatchObject({ officeName: 'Annexe 5' });
    db.close();
    expect(settingsFromStored((await readFirstScreenRecords(indexedDB, name))?.settings).officeName).toBe('Annexe 5');
  });

  it('reads the settings, the catalogue, the office identity and the enrolment Dexie stored, as the Dexie loaders parse them', async () => {
    const name = fresh();
    const db = new ShubbakDb(name);
    const identity: OfficeIdentity = { version: 3, names: { ar: 'ملحقة بركان', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ', fr: 'Annexe Berkane', en: 'Berkane annex' }, logo: null };
    const catalogue = { ...DEFAULT_CATALOGUE, version: DEFAULT_CATALOGUE.version + 1 };
    await saveSettings(db, { defaultLocale: 'ar' });
    await saveCatalogue(db, catalogue);
    await saveOfficeIdentity(db, identity);
    await saveEnrolment(db, { deviceId: 'dev-1', officeId: 'office-1', officeName: 'Berkane', trackingPrefix: 'BRK', backofficeUrl: 'https://bo.example' });

    const records = await readFirstScreenRecords(indexedDB, name);
    expect(records?.enrolmentStored).toBe(true);
    expect(settingsFromStored(records?.settings)).toEqual({ ...DEFAULT_SETTINGS, defaultLocale: 'ar', backofficeUrl: 'https://bo.example', officeId: 'office-1', officeName: 'Berkane' });
    expect(catalogueFromStored(records?.catalogue)).toEqual(catalogue);
    expect(officeIdentityFromStored(records?.officeIdentity)).toEqual(identity);
    db.close();
  });

  it('leaves no connection open: Dexie opens (and could upgrade) the database right after', async () => {
    const name = fresh();
    const first = new ShubbakDb(name);
    await saveSettings(first, { officeName: 'Annexe 4' });
    first.close();
    expect(settingsFromStored((await readFirstScreenRecords(indexedDB, name))?.settings).officeName).toBe('Annexe 4');
    // A version change is refused while any connection stays open: deleting the database is one.
    await new Promise<void>((resolve, reject) => {
      const deletion = indexedDB.deleteDatabase(name);
      deletion.onsuccess = () => resolve();
      deletion.onblocked = () => reject(new Error('a connection of the first-screen read is still open'));
      deletion.onerror = () => reject(deletion.error ?? new Error('delete failed'));
    });
  });

  it('answers null, for the caller to read through Dexie, when the database cannot be read', async () => {
    const broken = { open: () => { throw new Error('IndexedDB disabled'); } } as unknown as IDBFactory;
    expect(await readFirstScreenRecords(broken, fresh())).toBeNull();
  });
});
