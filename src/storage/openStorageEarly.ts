import { DB_NAME } from './dbName';

/**
 * Opens the kiosk's IndexedDB database and lets it go at once, from index.html's first script
 * (src/openStorageEarly.ts, a classic script the build writes before every module; see
 * build/firstReadsScript.ts). It reads nothing: its only effect is that Chromium opens the
 * origin's IndexedDB backing store while the modules are still being fetched. On a first boot
 * that opening is the longest single wait before the attract screen (about 200 ms on the
 * benchmark machine, when it started only once the first reads' modules had run); the first
 * screen's read (firstScreenRead.ts), asked later, finds the store open and queues behind this
 * request if it is still pending.
 *
 * Like that read, it never creates or upgrades the database: a first start aborts the open, so
 * Dexie still creates it with its schema; and an existing database's connection is closed as
 * soon as it opens (and on any version change), so Dexie's upgrade is never blocked by it.
 * Every failure is ignored: the reads after it work as they would without it.
 */
export function openStorageEarly(factory: IDBFactory = indexedDB, name: string = DB_NAME): void {
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name);
  } catch {
    return;
  }
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onsuccess = () => {
    const db = request.result;
    db.onversionchange = () => db.close();
    db.close();
  };
  // The abort above ends here; a blocked or failed open changes nothing for the later reads.
  request.onerror = (event) => event.preventDefault();
}
