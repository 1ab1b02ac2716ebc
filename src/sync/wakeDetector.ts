/**
 * Notices that the machine slept: the page became visible again, or an interval timer fired
 * much later than asked (timers do not run during sleep). On wake the kiosk syncs at once
 * instead of waiting for a heartbeat that may be minutes away.
 */

export interface WakeDetectorOptions {
  now: () => number;
  intervalMs: number;
  /** A tick later than `intervalMs × gapFactor` means the machine slept. */
  gapFactor?: number;
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  /** The page's document, for `visibilitychange`; absent outside a browser. */
  document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> | null;
  onWake: () => void;
}

export function startWakeDetector(options: WakeDetectorOptions): () => void {
  const gapFactor = options.gapFactor ?? 3;
  let lastTick = options.now();
  const handle = options.setInterval(() => {
    const now = options.now();
    const gap = now - lastTick;
    lastTick = now;
    // A clock set back gives a negative gap: that is not a wake, and the next tick measures afresh.
    if (gap > options.intervalMs * gapFactor) options.onWake();
  }, options.intervalMs);
  const onVisibility = () => {
    if (options.document?.visibilityState === 'visible') options.onWake();
  };
  options.document?.addEventListener('visibilitychange', onVisibility);
  return () => {
    options.clearInterval(handle);
    options.document?.removeEventListener('visibilitychange', onVisibility);
  };
}
