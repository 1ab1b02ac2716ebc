import type { Page } from 'playwright-core';
import type { OutboxItem } from '../../../src/storage/db';

/**
 * Reads and writes the kiosk's `shubbak` IndexedDB from the page with the raw IndexedDB API, so
 * tests see what is on disk, not what the app's code says is there. Never opens the database
 * when it does not exist yet: a raw open would create it empty and race the app's own schema.
 */

export async function outboxRows(page: Page): Promise<OutboxItem[]> {
  return page.evaluate(async () => {
    const names = await indexedDB.databases();
    if (!names.some((info) => info.name === 'shubbak')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('outbox')) return [];
      return await new Promise<OutboxItem[]>((resolve, reject) => {
        const read = db.transaction('outbox', 'readonly').objectStore('outbox').getAll();
        read.onsuccess = () => resolve((read.result as OutboxItem[]).sort((a, b) => a.kioskSeq - b.kioskSeq));
        read.onerror = () => reject(read.error);
      });
    } finally {
      db.close();
    }
  });
}

/**
 * Puts items straight into the outbox (and raises the kiosk's sequence counter past them), as if
 * the citizen flow had committed them. The app must already have created its database.
 */
export async function putOutboxRows(page: Page, items: OutboxItem[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('outbox')) throw new Error('the kiosk has not created its database yet');
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['outbox', 'meta'], 'readwrite', { durability: 'strict' });
        const outbox = tx.objectStore('outbox');
        for (const row of rows) outbox.put(row);
        const meta = tx.objectStore('meta');
        const highest = Math.max(...rows.map((row) => row.kioskSeq));
        const seq = meta.get('kioskSeq');
        seq.onsuccess = () => {
          const current = (seq.result as { value?: number } | undefined)?.value ?? 0;
          if (highest > current) meta.put({ key: 'kioskSeq', value: highest });
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }, items);
}

/** Reads one value of the kiosk's `meta` store (counters, cursors, enrolment), or undefined. */
export async function metaValue(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (wanted) => {
    const names = await indexedDB.databases();
    if (!names.some((info) => info.name === 'shubbak')) return undefined;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('meta')) return undefined;
      return await new Promise<unknown>((resolve, reject) => {
        const read = db.transaction('meta', 'readonly').objectStore('meta').get(wanted);
        read.onsuccess = () => resolve((read.result as { value?: unknown } | undefined)?.value);
        read.onerror = () => reject(read.error);
      });
    } finally {
      db.close();
    }
  }, key);
}

/** How many outbox items are in each stored state, counted on the `[state+kioskSeq]` index. */
export async function outboxStateCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const names = await indexedDB.databases();
    if (!names.some((info) => info.name === 'shubbak')) return {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('outbox')) return {};
      // Schema v3 indexes states only as `[state+kioskSeq]`: a state is the range [state, -∞]..[state, +∞].
      const index = db.transaction('outbox', 'readonly').objectStore('outbox').index('[state+kioskSeq]');
      const states = ['queued', 'sending', 'synced', 'rejected', 'discarded'];
      const counts = await Promise.all(
        states.map(
          (state) =>
            new Promise<number>((resolve, reject) => {
              const count = index.count(IDBKeyRange.bound([state, -Infinity], [state, Infinity]));
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            }),
        ),
      );
      return Object.fromEntries(states.map((state, i) => [state, counts[i] ?? 0]));
    } finally {
      db.close();
    }
  });
}

/**
 * Whether any outbox item still waits for the back office's answer (a `queued` row, or a
 * `sending` one left by an older kiosk). Looks up one key of the state index per state, so it
 * costs the same with 10 or 10,000 items, on one connection opened by the first call and kept
 * in the page: a benchmark polling it every 50 ms should not slow what it measures (counting the
 * whole index, or opening a connection, on every poll did). The app must have created its
 * database; `closeOutboxProbe` closes the connection.
 */
export async function outboxHasPending(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const holder = globalThis as unknown as { shubbakOutboxProbe?: IDBDatabase };
    holder.shubbakOutboxProbe ??= await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const index = holder.shubbakOutboxProbe.transaction('outbox', 'readonly').objectStore('outbox').index('[state+kioskSeq]');
    const firstKeys = await Promise.all(
      ['queued', 'sending'].map(
        (state) =>
          new Promise<IDBValidKey | undefined>((resolve, reject) => {
            const key = index.getKey(IDBKeyRange.bound([state, -Infinity], [state, Infinity]));
            key.onsuccess = () => resolve(key.result);
            key.onerror = () => reject(key.error);
          }),
      ),
    );
    return firstKeys.some((key) => key !== undefined);
  });
}

export async function closeOutboxProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const holder = globalThis as unknown as { shubbakOutboxProbe?: IDBDatabase };
    holder.shubbakOutboxProbe?.close();
    delete holder.shubbakOutboxProbe;
  });
}
