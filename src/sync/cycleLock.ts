/** The name every window of this kiosk's origin competes for: one sync runner at a time. */
export const SYNC_LOCK_NAME = 'shubbak-sync';

/** The part of the Web Locks API the engine uses (navigator.locks). */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

export interface LockHandlers {
  onAcquired(): void;
  /** Another window holds the lock: it is syncing for this kiosk. */
  onBusy(): void;
}

/**
 * Tries to take the kiosk-wide sync lock without waiting and holds it until the returned
 * function is called. Without Web Locks (an old engine, some opaque origins) the cycle runs:
 * a second runner is harmless (pushes are idempotent), a stopped sync is not.
 */
export function holdCycleLock(locks: LockManagerLike | null | undefined, handlers: LockHandlers): () => void {
  if (!locks) {
    handlers.onAcquired();
    return () => undefined;
  }
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let active = true;
  locks
    .request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (!active) return;
      if (lock === null) {
        handlers.onBusy();
        return;
      }
      handlers.onAcquired();
      await released;
    })
    .catch(() => {
      if (active) handlers.onAcquired();
    });
  return () => {
    active = false;
    release();
  };
}
