import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitStore } from '../store/rateLimitTypes';

/**
 * @fastify/rate-limit counting in the back office's store instead of its own process memory, so
 * that a kiosk's allowance (and an address's enrolment attempts) hold across every instance.
 * Each route with a limit of its own counts under its own prefix.
 */
export function sharedRateLimitStore(store: RateLimitStore): FastifyRateLimitStoreCtor {
  class SharedStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'global',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow?: number): void {
      store.hitRateLimit(`${this.prefix}|${key}`, timeWindow ?? 60_000).then(
        (hit) => callback(null, { current: hit.count, ttl: hit.ttlMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /** The plugin passes the route's merged settings, with `routeInfo` (method and url) when the route is known. */
    child(settings: object): FastifyRateLimitStore {
      const route = (settings as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new SharedStore({}, route?.url ? `${[route.method ?? ''].flat().join(',')} ${route.url}` : 'route');
    }
  }
  return SharedStore;
}
