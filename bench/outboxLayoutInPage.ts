/**
 * Bundled by bench/outboxLayout.ts and evaluated in the page: the same backlog drained under
 * three outbox layouts, timing the take and the acknowledgement of each batch (see that file).
 */
export type Timings = Record<'rowState' | 'sideTable' | 'pendingStore', { take: number; ack: number }>;

async function measureInPage({ rows, batch }: { rows: Record<string, unknown>[]; batch: number }): Promise<Timings> {
  const done = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const open = async (name: string, create: (db: IDBDatabase) => void) => {
    await new Promise((resolve) => {
      const deletion = indexedDB.deleteDatabase(name);
      deletion.onsuccess = deletion.onerror = resolve;
    });
    return new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => create(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  };
  /** Runs `work` in one strict read-write transaction; resolves with its duration once committed. */
  const timed = (db: IDBDatabase, stores: string[], work: (tx: IDBTransaction) => unknown) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
      void work(tx);
      tx.oncomplete = () => resolve(performance.now() - started);
      tx.onerror = () => reject(tx.error);
    });
  const rounds = Math.ceil(rows.length / batch);
  const outboxIndexes = (store: IDBObjectStore) => {
    store.createIndex('trackingCode', 'trackingCode', { unique: true });
    store.createIndex('kioskSeq', 'kioskSeq', { unique: true });
  };
  const result = {} as Timings;

  {
    const db = await open('bench-row-state', (created) => {
      const outbox = created.createObjectStore('outbox', { keyPath: 'id' });
      outboxIndexes(outbox);
      outbox.createIndex('[state+kioskSeq]', ['state', 'kioskSeq']);
      outbox.createIndex('retentionFrom', 'retentionFrom');
    });
    await timed(db, ['outbox'], (tx) => rows.forEach((row) => tx.objectStore('outbox').put(row)));
    let take = 0;
    let ack = 0;
    for (let round = 0; round < rounds; round += 1) {
      let taken: Record<string, unknown>[] = [];
      take += await timed(db, ['outbox'], async (tx) => {
        taken = await done(tx.objectStore('outbox').index('[state+kioskSeq]').getAll(IDBKeyRange.bound(['queued', -Infinity], ['queued', Infinity]), batch));
      });
      ack += await timed(db, ['outbox'], (tx) =>
        taken.forEach((row) => tx.objectStore('outbox').put({ ...row, state: 'synced', attempts: 1, lastAttemptAt: 1, syncedAt: 1, retentionFrom: 1 })),
      );
    }
    result.rowState = { take, ack };
    db.close();
  }

  {
    const db = await open('bench-side-table', (created) => {
      outboxIndexes(created.createObjectStore('outbox', { keyPath: 'id' }));
      const sync = created.createObjectStore('sync', { keyPath: 'id' });
      sync.createIndex('[state+kioskSeq]', ['state', 'kioskSeq']);
      sync.createIndex('retentionFrom', 'retentionFrom');
    });
    await timed(db, ['outbox', 'sync'], (tx) =>
      rows.forEach((row) => {
        tx.objectStore('outbox').put(row);
        tx.objectStore('sync').put({ id: row.id, kioskSeq: row.kioskSeq, state: 'queued', attempts: 0 });
      }),
    );
    let take = 0;
    let ack = 0;
    for (let round = 0; round < rounds; round += 1) {
      let taken: Record<string, unknown>[] = [];
      take += await timed(db, ['outbox', 'sync'], async (tx) => {
        const states = await done(tx.objectStore('sync').index('[state+kioskSeq]').getAll(IDBKeyRange.bound(['queued', -Infinity], ['queued', Infinity]), batch));
        taken = await Promise.all(states.map((state: { id: string }) => done(tx.objectStore('outbox').get(state.id))));
      });
      ack += await timed(db, ['sync'], (tx) =>
        taken.forEach((row) => tx.objectStore('sync').put({ id: row.id, kioskSeq: row.kioskSeq, state: 'synced', attempts: 1, retentionFrom: 1 })),
      );
    }
    result.sideTable = { take, ack };
    db.close();
  }

  {
    const db = await open('bench-pending-store', (created) => {
      outboxIndexes(created.createObjectStore('outbox', { keyPath: 'id' }));
      created.createObjectStore('pending', { keyPath: 'kioskSeq' });
      created.createObjectStore('acks', { keyPath: 'key', autoIncrement: true }).createIndex('at', 'at');
    });
    await timed(db, ['outbox', 'pending'], (tx) =>
      rows.forEach((row) => {
        tx.objectStore('outbox').put(row);
        tx.objectStore('pending').put({ kioskSeq: row.kioskSeq, id: row.id });
      }),
    );
    let take = 0;
    let ack = 0;
    for (let round = 0; round < rounds; round += 1) {
      let seqs: number[] = [];
      take += await timed(db, ['outbox', 'pending'], async (tx) => {
        const entries = await done(tx.objectStore('pending').getAll(null, batch));
        seqs = entries.map((entry: { kioskSeq: number }) => entry.kioskSeq);
        await done(tx.objectStore('outbox').index('kioskSeq').getAll(IDBKeyRange.bound(seqs[0], seqs.at(-1))));
      });
      ack += await timed(db, ['pending', 'acks'], (tx) => {
        tx.objectStore('pending').delete(IDBKeyRange.bound(seqs[0], seqs.at(-1)));
        tx.objectStore('acks').add({ at: 1, seqs });
      });
    }
    result.pendingStore = { take, ack };
    db.close();
  }
  return result;
}

(globalThis as { shubbakMeasureOutboxLayouts?: typeof measureInPage }).shubbakMeasureOutboxLayouts = measureInPage;
