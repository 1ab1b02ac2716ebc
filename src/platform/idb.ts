/**
 * The few IndexedDB calls the browser fallback needs, as promises. The platform keeps its own
 * small databases (sealing key, installation id) apart from the app's Dexie database, which
 * src/storage alone owns.
 */
export function openDatabase(factory: IDBFactory, name: string, stores: readonly string[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      for (const store of stores) if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
    request.onblocked = () => reject(new Error(`${name} is blocked by another connection`));
  });
}

export function readValue(db: IDBDatabase, store: string, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store, 'readonly').objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot read ${store}/${key}`));
  });
}

/** Writes and resolves once the transaction is durable. */
export function writeValue(db: IDBDatabase, store: string, key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, 'readwrite', { durability: 'strict' });
    transaction.objectStore(store).put(value, key);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error(`cannot write ${store}/${key}`));
    transaction.onabort = () => reject(transaction.error ?? new Error(`write to ${store}/${key} aborted`));
  });
}

/**
 * Stores `candidate` unless the key already holds a value, in one transaction, and returns
 * whichever value is kept: two tabs starting at once agree on a single key or id.
 */
export function keepFirst<T>(db: IDBDatabase, store: string, key: string, candidate: T): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, 'readwrite', { durability: 'strict' });
    const objects = transaction.objectStore(store);
    let kept: T = candidate;
    const existing = objects.get(key);
    existing.onsuccess = () => {
      if (existing.result === undefined) objects.put(candidate, key);
      else kept = existing.result as T;
    };
    transaction.oncomplete = () => resolve(kept);
    transaction.onerror = () => reject(transaction.error ?? new Error(`cannot write ${store}/${key}`));
    transaction.onabort = () => reject(transaction.error ?? new Error(`write to ${store}/${key} aborted`));
  });
}
