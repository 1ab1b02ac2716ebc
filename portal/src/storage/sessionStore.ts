/**
 * Where the phone keeps the citizen's session: one record in a small IndexedDB database of its
 * own, read with the browser's IndexedDB API directly. The first page (language, login) must
 * know whether someone is logged in; reading it here keeps Dexie and the outbox's code off that
 * page. The Bearer token is in IndexedDB, not a cookie, so the outbox can send from any later
 * page load, offline first and online after.
 */

import type { PortalSession } from '../../../src/domain/portal/login';

/** What the phone keeps of a login. */
export interface StoredSession {
  token: string;
  /** This browser's installation (the back office's device for the portal), sent again at the next login to keep its prefix. */
  installationId: string;
  /** Tracking-code prefix the back office allocated to this installation (the outbox makes codes offline with it). */
  trackingPrefix: string;
  /** The highest sequence the back office has seen from this installation: the outbox numbers above it. */
  lastSeq: number;
  /** Phone (E.164) or e-mail address of the account, shown offline on the account screen. */
  login: string;
  /** ISO date-time: the session ends then whatever happens. */
  expiresAt: string;
}

export function storedSessionFrom(session: PortalSession): StoredSession {
  return {
    token: session.token,
    installationId: session.installation.id,
    trackingPrefix: session.installation.trackingPrefix,
    lastSeq: session.installation.lastSeq,
    login: session.account.phone ?? session.account.email ?? '',
    expiresAt: session.expiresAt,
  };
}

export const SESSION_DB_NAME = 'shubbak-portal-session';
const STORE = 'session';
const KEY = 'current';
/** Kept across logouts: the next login on this browser asks for the same installation (same prefix). */
const INSTALLATION_KEY = 'installation';

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
  await run(factory, 'readwrite', (store) => {
    store.put(session.installationId, INSTALLATION_KEY);
    return store.put(session, KEY);
  });
}

export async function readInstallationId(factory: IDBFactory = defaultFactory()): Promise<string | null> {
  const value = await run<unknown>(factory, 'readonly', (store) => store.get(INSTALLATION_KEY));
  return typeof value === 'string' ? value : null;
}

/**
 * Logging out forgets the token only: requests still waiting in the outbox stay, and leave with
 * the next login's token (the back office binds a request to the account that sends it).
 */
export async function forgetSession(factory: IDBFactory = defaultFactory()): Promise<void> {
  await run(factory, 'readwrite', (store) => store.delete(KEY));
}

/** After the account is deleted: the installation goes too, nothing of the account stays. */
export async function forgetEverything(factory: IDBFactory = defaultFactory()): Promise<void> {
  await run(factory, 'readwrite', (store) => store.clear());
}

/** What was stored is checked on reading, like everything the portal reads back. */
function isStoredSession(value: unknown): value is StoredSession {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.token === 'string' &&
    typeof record.installationId === 'string' &&
    typeof record.trackingPrefix === 'string' &&
    typeof record.lastSeq === 'number' &&
    typeof record.login === 'string'
  );
}
