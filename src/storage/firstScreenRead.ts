import { DB_NAME } from './dbName';
import { META_KEYS } from './metaKeys';
import { SETTINGS_KEY } from './settingsKey';

/** The stored values the attract screen needs, as stored (unparsed): the loaders' parse functions check them. */
export interface FirstScreenRecords {
  settings: unknown;
  catalogue: unknown;
  officeIdentity: unknown;
  /** The three enrolment values (device, office id, office name) are all strings. */
  enrolmentStored: boolean;
}

const NOTHING_STORED: FirstScreenRecords = { settings: undefined, catalogue: undefined, officeIdentity: undefined, enrolmentStored: false };

/**
 * The first screen's read with the browser's own IndexedDB API, so the attract screen does not
 * wait for Dexie (28 KB gzip) and the sync engine: one read-only transaction over `meta` and
 * `catalogue`, the stores every schema since v1 has (src/storage/db.ts), with the record shapes
 * Dexie wrote (`{ key, value }`, `{ key: 'current', catalogue }`). The database is never created
 * or upgraded here (a first start aborts the open: Dexie creates it right after), and the
 * connection is closed at once, so Dexie's upgrade of an older schema is never blocked by it.
 * Resolves null when the read fails: the caller then reads through Dexie as before.
 */
export function readFirstScreenRecords(factory: IDBFactory = indexedDB, name: string = DB_NAME): Promise<FirstScreenRecords | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => {
      // No database yet: nothing stored, and creating one here would give Dexie a versionless empty database to upgrade.
      // Answered now, not when the abort has gone through (about 70 ms later on a first boot in Chromium):
      // an open asked meanwhile (Dexie's) is queued behind this one by IndexedDB itself, so it finds no database.
      request.transaction?.abort();
      resolve(NOTHING_STORED);
    };
    // After an abort above this changes nothing: the promise has its answer.
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      readRecords(db).then(
        (records) => {
          db.close();
          resolve(records);
        },
        () => {
          db.close();
          resolve(null);
        },
      );
    };
  });
}

function readRecords(db: IDBDatabase): Promise<FirstScreenRecords> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(['meta', 'catalogue'], 'readonly');
    const meta = transaction.objectStore('meta');
    const values = new Map<string, unknown>();
    const enrolmentKeys = [META_KEYS.deviceId, META_KEYS.officeId, META_KEYS.officeName];
    const keys = [SETTINGS_KEY, META_KEYS.officeIdentity, ...enrolmentKeys];
    for (const key of keys) {
      const get = meta.get(key);
      get.onsuccess = () => values.set(key, (get.result as { value?: unknown } | undefined)?.value);
    }
    const catalogue = transaction.objectStore('catalogue').get('current');
    transaction.oncomplete = () =>
      resolve({
        settings: values.get(SETTINGS_KEY),
        catalogue: (catalogue.result as { catalogue?: unknown } | undefined)?.catalogue,
        officeIdentity: values.get(META_KEYS.officeIdentity),
        enrolmentStored: enrolmentKeys.every((key) => typeof values.get(key) === 'string'),
      });
    transaction.onerror = () => reject(transaction.error ?? new Error('first-screen read failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('first-screen read aborted'));
  });
}
