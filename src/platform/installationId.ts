import { keepFirst, openDatabase } from './idb';

export const DEVICE_DATABASE = 'shubbak-device';
const IDENTITY = 'identity';

/** A random id made once per browser profile and kept in IndexedDB; memoised per page. */
export function createBrowserInstallationId(indexedDB: IDBFactory, randomUUID: () => string): () => Promise<string> {
  let id: Promise<string> | undefined;
  return () =>
    (id ??= (async () => {
      const db = await openDatabase(indexedDB, DEVICE_DATABASE, [IDENTITY]);
      return keepFirst(db, IDENTITY, 'installationId', randomUUID());
    })());
}
