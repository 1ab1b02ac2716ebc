/**
 * Bundled by bench/sequentialReplay.ts and evaluated in the page: a per-request background-sync
 * queue as Workbox's BackgroundSyncPlugin keeps one. Each request is read from its own IndexedDB
 * store (one transaction), sent alone in one POST, then removed (one more transaction), one at a
 * time. It pays the same browser costs as the kiosk's outbox. Its removals commit with the
 * browser's default durability, as such a queue does; `strict` is kept as a second figure.
 */
import type { CitizenRequest } from '../src/domain/request';

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function replaySequentially(
  pushUrl: string,
  token: string,
  requests: CitizenRequest[],
  durability: IDBTransactionDurability,
): Promise<{ seconds: number; failures: number }> {
  const open = indexedDB.open(`bench-sequential-queue-${durability}`, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('requests', { autoIncrement: true });
  const db = await settled(open);
  const fill = db.transaction('requests', 'readwrite');
  for (const request of requests) fill.objectStore('requests').add(request);
  await committed(fill);

  let failures = 0;
  const started = performance.now();
  for (;;) {
    const cursor = await settled(db.transaction('requests', 'readonly').objectStore('requests').openCursor());
    if (!cursor) break;
    const key = cursor.key;
    const response = await fetch(pushUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [cursor.value] }),
    });
    if (!response.ok) failures += 1;
    await response.arrayBuffer();
    const remove = db.transaction('requests', 'readwrite', { durability });
    remove.objectStore('requests').delete(key);
    await committed(remove);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds, failures };
}

(globalThis as { shubbakReplaySequentially?: typeof replaySequentially }).shubbakReplaySequentially = replaySequentially;
