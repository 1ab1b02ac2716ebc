import type { LockManagerLike } from '../../../src/sync/cycleLock';

/** The Web Locks API's `ifAvailable` semantics, shared by every "window" given the same instance. */
export class FakeLockManager implements LockManagerLike {
  readonly held = new Set<string>();

  async request(name: string, _options: { ifAvailable: true }, callback: (lock: unknown) => Promise<void>): Promise<unknown> {
    // Like the browser, the grant arrives in a later task, never during the request call.
    await Promise.resolve();
    if (this.held.has(name)) return callback(null);
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      this.held.delete(name);
    }
  }
}
