import type { StorageServices } from './storageServices';

/**
 * The kiosk's Dexie-backed services (src/app/storageServices.ts), opened once: the first screen
 * shows without them, and everything that needs them waits for `ready()`. `current` is set once
 * they are open, for what must act at once inside a tap (the chime of a call for help).
 */
export interface LazyStorage {
  current: StorageServices | null;
  /** Opens the storage on the first call (later calls share it); resolves once it is open. */
  ready(): Promise<StorageServices>;
}

export function lazyStorage(open: () => Promise<StorageServices>): LazyStorage {
  let opening: Promise<StorageServices> | null = null;
  const handle: LazyStorage = {
    current: null,
    ready: () =>
      (opening ??= open().then((services) => {
        handle.current = services;
        return services;
      })),
  };
  return handle;
}

/** Storage already open (the unit tests' composition root). */
export function openedStorage(services: StorageServices): LazyStorage {
  return { current: services, ready: () => Promise.resolve(services) };
}
