import { INDEX_URL, OUT_OF_ORDER_URL } from './appOrigin';

export interface CrashRecoveryPolicy {
  /** Failures within `windowMs` after which the kiosk shows the out-of-order page instead of reloading. */
  maxFailures: number;
  windowMs: number;
  /** Delay before the n-th reload in the window; the last one repeats. Growing, so a crash loop does not spin. */
  reloadDelaysMs: readonly number[];
  /** How long the out-of-order page stays before the app is tried once more. */
  coolOffMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashRecoveryPolicy = {
  maxFailures: 3,
  windowMs: 10 * 60_000,
  reloadDelaysMs: [1_000, 5_000, 15_000],
  coolOffMs: 15 * 60_000,
};

export type TimerHandle = ReturnType<typeof setTimeout>;

/** Time, passed in: the system clock in main.ts, Vitest's fake timers in the tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

/** The parts of `webContents` recovery needs (a real WebContents satisfies it). */
export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

/**
 * Brings a dead or hung renderer back: a crash or a hang reloads the app after a delay that grows
 * with each failure. Failures are counted over a sliding time window and NOT reset when a page
 * loads, so a renderer that crashes right after every load still reaches the cap; at the cap the
 * out-of-order page (no script, no data) replaces the reload loop until the cool-off ends.
 */
export function recoverFromCrashes(contents: RecoverableContents, clock: Clock, policy: CrashRecoveryPolicy = DEFAULT_CRASH_POLICY): void {
  let failures: number[] = [];
  let pending: TimerHandle | undefined;
  // Our own kill of a hung renderer must not count as a second failure.
  let killingHungRenderer = false;
  let pendingIsHangRecovery = false;

  const cancelPending = (): void => {
    if (pending !== undefined) clock.clearTimeout(pending);
    pending = undefined;
    pendingIsHangRecovery = false;
  };

  const schedule = (ms: number, action: () => void, isHangRecovery = false): void => {
    cancelPending();
    pendingIsHangRecovery = isHangRecovery;
    pending = clock.setTimeout(() => {
      pending = undefined;
      pendingIsHangRecovery = false;
      // The window may have closed meanwhile (the app quitting): nothing left to recover.
      if (!contents.isDestroyed()) action();
    }, ms);
  };

  const failed = (recover: () => void, isHang: boolean): void => {
    const now = clock.now();
    failures = [...failures.filter((at) => now - at < policy.windowMs), now];
    if (failures.length >= policy.maxFailures) {
      cancelPending();
      void contents.loadURL(OUT_OF_ORDER_URL);
      schedule(policy.coolOffMs, () => void contents.loadURL(INDEX_URL));
      return;
    }
    const delays = policy.reloadDelaysMs;
    schedule(delays[Math.min(failures.length, delays.length) - 1] ?? 0, recover, isHang);
  };

  contents.on('render-process-gone', () => {
    if (killingHungRenderer) {
      killingHungRenderer = false;
      return;
    }
    failed(() => void contents.loadURL(INDEX_URL), false);
  });
  contents.on('unresponsive', () => {
    failed(() => {
      killingHungRenderer = true;
      contents.forcefullyCrashRenderer();
      void contents.loadURL(INDEX_URL);
    }, true);
  });
  // A renderer that recovers by itself (a long pause) keeps the citizen's session; the failure stays counted.
  contents.on('responsive', () => {
    if (pendingIsHangRecovery) cancelPending();
  });
}
