import type { Store } from '../store/types';

/** What every route receives: the store and the server's clock (a test passes a fixed one). */
export interface RouteDeps {
  store: Store;
  now: () => Date;
}

/** Body limits: a push batch of 500 requests is far below 2 MiB; nothing else needs more than a few KiB. */
export const BODY_LIMITS = {
  push: 2 * 1024 * 1024,
  audit: 1024 * 1024,
  small: 16 * 1024,
  /** One catalogue service's edit: up to 12 documents and a delay, each in four languages. */
  catalogueService: 64 * 1024,
} as const;
