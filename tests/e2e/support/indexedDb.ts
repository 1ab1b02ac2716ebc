import type { Page } from 'playwright-core';
import type { AuditRecord, OutboxItem, OutboxRecord } from '../../../src/storage/db';
import { LayoutBuilder, presentItem } from '../../../src/storage/outboxLayout';

/**
 * Reads and writes the kiosk's `shubbak` IndexedDB from the page with the raw IndexedDB API, so
 * tests see what is on disk, not what the app's code says is there. Never opens the database
 * when it does not exist yet: a raw open would create it empty and race the app's own schema.
 */

/** The kiosk's outbox as it is on disk: rows, pending set and in-flight record, read raw. */
interface RawOutbox {
  records: OutboxRecord[];
  pendingSeqs: number[];
  onWire: string[];
}

/**
 * Every outbox item, in kiosk-sequence order, with its state derived from the raw stores the
 * way the app derives it (`presentItem`): the rows themselves carry no state since schema v4.
 */
export async function outboxRows(page: Page): Promise<OutboxItem[]> {
  const raw = await page.evaluate(async (): Promise<RawOutbox | null> => {
    const names = await indexedDB.databases();
    if (!names.some((info) => info.name === 'shubbak')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('pending')) return null;
      const tx = db.transaction(['outbox', 'pending', 'meta'], 'readonly');
      // Inline callbacks only: a named helper would be wrapped by the bundler's name-keeping, undefined in the page.
      const [records, pendingSeqs, inFlight] = await Promise.all(
        [tx.objectStore('outbox').getAll(), tx.objectStore('pending').getAllKeys(), tx.objectStore('meta').get('inFlight')].map(
          (request: IDBRequest) =>
            new Promise<unknown>((resolve, reject) => {
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      return {
        records: records as OutboxRecord[],
        pendingSeqs: pendingSeqs as number[],
        onWire: ((inFlight as { value?: { ids?: string[] } } | undefined)?.value?.ids ?? []),
      };
    } finally {
      db.close();
    }
  });
  if (!raw) return [];
  const pending = new Set(raw.pendingSeqs);
  const onWire = new Set(raw.onWire);
  return raw.records
    .map((record) => presentItem(record, { pending: pending.has(record.kioskSeq), onWire: onWire.has(record.id) }))
    .sort((a, b) => a.kioskSeq - b.kioskSeq);
}

/**
 * Puts items straight into the outbox (and raises the kiosk's sequence counter past them), as if
 * the citizen flow had committed them, laid out as the app lays them out (`LayoutBuilder`, the
 * schema upgrade's own code). The app must already have created its database.
 */
export async function putOutboxRows(page: Page, items: OutboxItem[]): Promise<void> {
  const layout = new LayoutBuilder(Date.now());
  const records = items.map((item) => layout.add(item));
  await page.evaluate(
    async ({ records, pending, acks }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('shubbak');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (!db.objectStoreNames.contains('pending')) throw new Error('the kiosk has not created its database yet');
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['outbox', 'pending', 'acks', 'meta'], 'readwrite', { durability: 'strict' });
          const outbox = tx.objectStore('outbox');
          for (const record of records) outbox.put(record);
          for (const entry of pending) tx.objectStore('pending').put(entry);
          for (const ack of acks) tx.objectStore('acks').add(ack);
          const meta = tx.objectStore('meta');
          const highest = Math.max(...records.map((record) => record.kioskSeq));
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
    },
    { records, pending: layout.pending, acks: layout.acks() },
  );
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

/** How many outbox items are in each state, as the app derives states (see `outboxRows`). */
export async function outboxStateCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = { queued: 0, sending: 0, synced: 0, rejected: 0, discarded: 0 };
  for (const item of await outboxRows(page)) counts[item.state] = (counts[item.state] ?? 0) + 1;
  return counts;
}

/**
 * Whether any outbox item still waits for the back office's answer: whether the `pending` store
 * holds any key. Looks up one key, so it costs the same with 10 or 10,000 items, on one
 * connection opened by the first call and kept in the page: a benchmark polling it every 50 ms
 * should not slow what it measures (counting, or opening a connection, on every poll did). The
 * app must have created its database; `closeOutboxProbe` closes the connection.
 */
export async function outboxHasPending(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const holder = globalThis as unknown as { shubbakOutboxProbe?: IDBDatabase };
    holder.shubbakOutboxProbe ??= await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const pending = holder.shubbakOutboxProbe.transaction('pending', 'readonly').objectStore('pending');
    return new Promise<boolean>((resolve, reject) => {
      const key = pending.getKey(IDBKeyRange.lowerBound(-Infinity));
      key.onsuccess = () => resolve(key.result !== undefined);
      key.onerror = () => reject(key.error);
    });
  });
}
export async function closeOutboxProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const holder = globalThis as unknown as { shubbakOutboxProbe?: IDBDatabase };
    holder.shubbakOutboxProbe?.close();
    delete holder.shubbakOutboxProbe;
  });
}

/** The kiosk's audit log, oldest first. The app must have created its database. */
export async function auditRows(page: Page): Promise<AuditRecord[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('shubbak');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      return await new Promise<AuditRecord[]>((resolve, reject) => {
        const read = db.transaction('audit', 'readonly').objectStore('audit').getAll();
        read.onsuccess = () => resolve((read.result as AuditRecord[]).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)));
        read.onerror = () => reject(read.error);
      });
    } finally {
      db.close();
    }
  });
}
