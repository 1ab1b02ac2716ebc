import { afterEach, describe, expect, it } from 'vitest';
import { ShubbakDb } from '../../src/storage/db';
import { readFirstScreenRecords } from '../../src/storage/firstScreenRead';
import { openStorageEarly } from '../../src/storage/openStorageEarly';
import { saveSettings, settingsFromStored } from '../../src/storage/settings';

/** index.html's first script (src/storage/openStorageEarly.ts): it opens the database's store early and must change nothing else. */
describe('the early open of the kiosk database', () => {
  const names: string[] = [];
  const fresh = () => {
    const name = `early-open-${crypto.randomUUID()}`;
    names.push(name);
    return name;
  };
  afterEach(async () => {
    for (const name of names.splice(0)) await new ShubbakDb(name).delete();
  });

  it('creates no database on a first start: the first read then finds nothing and Dexie creates its schema', async () => {
    const name = fresh();
    openStorageEarly(indexedDB, name);
    // Asked at once, as the first reads' module does when the early open is still pending.
    expect(await readFirstScreenRecords(indexedDB, name)).toMatchObject({ settings: undefined, enrolmentStored: false });
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(name);
    const db = new ShubbakDb(name);
    await saveSettings(db, { officeName: 'Annexe 7' });
    expect(db.verno).toBeGreaterThan(0);
    db.close();
  });

  it('lets an existing database go at once, so the first read and an upgrade are not kept waiting', async () => {
    const name = fresh();
    const stored = new ShubbakDb(name);
    await saveSettings(stored, { officeName: 'Annexe 8' });
    const version = stored.backendDB().version;
    stored.close();

    openStorageEarly(indexedDB, name);
    expect(settingsFromStored((await readFirstScreenRecords(indexedDB, name))?.settings).officeName).toBe('Annexe 8');
    // A version change (what Dexie's upgrade asks) opens without a `blocked` event: no connection was left open.
    const upgraded = await new Promise<'opened' | 'blocked'>((resolve, reject) => {
      const request = indexedDB.open(name, version + 1);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve('opened');
      };
      request.onerror = () => reject(request.error);
    });
    expect(upgraded).toBe('opened');
  });

  it('ignores a factory that refuses to open', () => {
    const refusing = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    expect(() => openStorageEarly(refusing, fresh())).not.toThrow();
  });
});
