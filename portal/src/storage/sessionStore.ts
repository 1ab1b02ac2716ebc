/**
 * Where the phone keeps the citizen's session: one record in a small IndexedDB database of its
 * own, read with the browser's IndexedDB API directly. The first page (language, login) must
 * know whether someone is logged in; reading it here keeps Dexie and the outbox's code off that
 * page. The Bearer token is in IndexedDB, not a cookie, so the outbox can send from any later
 * page load, offline first and online after.
 */

/** What the phone keeps of a login. */
export interface StoredSession {
  token: string;
  /** Tracking-code prefix the back office allocated to this installation (the outbox makes codes offline with it). */
  trackingPrefix: string;
  /** First sequence number of the allocation (1 unless the back office says otherwise). */
  firstSeq: number;
  /** Phone (E.164) or e-mail address the citizen logged in with; empty when not known (e-mail link). */
  login: string;
  /** ISO date-time; null when the back office did not say. */
  expiresAt: string | null;
}

export const SESSION_DB_NAME = 'shubbak-portal-session';
const STORE = 'session';
const KEY = 'current';

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(SESSION_DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('session store unavailable'));
  });
}

async function run<T>(factory: IDBFactory, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open(factory);
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode, { durability: 'strict' });
      const request = work(transaction.objectStore(STORE));
      // Resolved once the transaction is committed, not when the request succeeds: a session written is on disk.
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error('session store write failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('session store write aborted'));
    });
  } finally {
    db.close();
  }
}

const defaultFactory = () => globalThis.indexedDB;

export async function readSession(factory: IDBFactory = defaultFactory()): Promise<StoredSession | null> {
  const value = await run<unknown>(factory, 'readonly', (store) => store.get(KEY));
  return isStoredSession(value) ? value : null;
}

export async function writeSession(session: StoredSession, factory: IDBFactory = defaultFactory()): Promise<void> {
  await run(factory, 'readwrite', (store) => store.put(session, KEY));
}

/**
 * Logging out forgets the token only: requests still waiting in the outbox stay, and leave with
 * the next login's token (the back office binds a request to the account that sends it).
 */
export async function forgetSession(factory: IDBFactory = defaultFactory()): Promise<void> {
  await run(factory, 'readwrite', (store) => store.delete(KEY));
}

/** What was stored is checked on reading, like everything the portal reads back. */
function isStoredSession(value: unknown): value is StoredSession {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record.token === 'string' && typeof record.trackingPrefix === 'string' && typeof record.firstSeq === 'number' && typeof record.login === 'string';
}
