import type { RateLimitHit } from './rateLimitTypes';

/** Live counters beyond this are dropped oldest first, as @fastify/rate-limit's own store does. */
const MAX_KEYS = 10_000;

/** The SQLite engine's counters: one process serves one SQLite file, so its memory is shared by all requests. */
export function memoryRateLimits(now: () => number = Date.now) {
  const windows = new Map<string, { count: number; resetAtMs: number }>();
  return {
    hitRateLimit: async (key: string, windowMs: number): Promise<RateLimitHit> => {
      const at = now();
      let window = windows.get(key);
      if (!window || window.resetAtMs <= at) {
        window = { count: 0, resetAtMs: at + windowMs };
        windows.delete(key);
        if (windows.size >= MAX_KEYS) windows.delete(windows.keys().next().value!);
        windows.set(key, window);
      }
      window.count++;
      return { count: window.count, ttlMs: window.resetAtMs - at };
    },
  };
}
