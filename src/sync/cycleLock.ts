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

/** Takes the lock for one cycle; the returned function gives it back. */
export type HoldCycleLock = (handlers: LockHandlers) => () => void;

/**
 * The kiosk-wide sync lock as one window uses it. Each cycle tries to take the lock without
 * waiting and holds it until released. A window's next request waits until its own previous
 * lock is really gone (the browser releases it asynchronously), so a cycle that follows another
 * at once never finds its own window's lock and mistakes it for another runner.
 * Without Web Locks (an old engine, some opaque origins) the cycle runs: a second runner is
 * harmless (pushes are idempotent), a stopped sync is not.
 */
export function createCycleLock(locks: LockManagerLike | null | undefined): HoldCycleLock {
  let previousSettled: Promise<void> = Promise.resolve();
  return (handlers) => {
    if (!locks) {
      handlers.onAcquired();
      return () => undefined;
    }
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let active = true;
    const attempt = previousSettled
      .then(() =>
        active
          ? locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) => {
              if (!active) return;
              if (lock === null) {
                handlers.onBusy();
                return;
              }
              handlers.onAcquired();
              await released;
            })
          : undefined,
      )
      .catch(() => {
        if (active) handlers.onAcquired();
      });
    previousSettled = attempt.then(() => undefined);
    return () => {
      active = false;
      release();
    };
  };
}

/** One-off use (tests, a single cycle): a lock holder without history. */
export function holdCycleLock(locks: LockManagerLike | null | undefined, handlers: LockHandlers): () => void {
  return createCycleLock(locks)(handlers);
}
