import type { Page } from 'playwright-core';
import type { CitizenRequest } from '../src/domain/request';

/**
 * The baseline the outbox is compared with: a per-request background-sync queue in the page, as
 * Workbox's BackgroundSyncPlugin keeps one. Each request is taken from its own IndexedDB store
 * (one transaction), sent alone in one POST, then removed (one more transaction), one at a time.
 * Runs in the page so it pays the same browser costs as the kiosk. Resolves with seconds taken.
 */
export async function replaySequentially(page: Page, pushUrl: string, token: string, requests: CitizenRequest[]): Promise<{ seconds: number; failures: number }> {
  return page.evaluate(
    async ({ pushUrl, token, requests }) => {
      const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
      const open = indexedDB.open('bench-sequential-queue', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('requests', { autoIncrement: true });
      const db = await request(open);
      const fill = db.transaction('requests', 'readwrite');
      for (const item of requests) fill.objectStore('requests').add(item);
      await done(fill);

      let failures = 0;
      const started = performance.now();
      for (;;) {
        const take = db.transaction('requests', 'readonly');
        const cursor = await request(take.objectStore('requests').openCursor());
        if (!cursor) break;
        const key = cursor.key;
        const body = JSON.stringify({ items: [cursor.value] });
        const response = await fetch(pushUrl, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
        if (!response.ok) failures += 1;
        await response.arrayBuffer();
        const remove = db.transaction('requests', 'readwrite', { durability: 'strict' });
        remove.objectStore('requests').delete(key);
        await done(remove);
      }
      const seconds = (performance.now() - started) / 1000;
      db.close();
      return { seconds, failures };
    },
    { pushUrl, token, requests },
  );
}
