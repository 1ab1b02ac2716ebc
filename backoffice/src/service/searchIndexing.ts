import type { Store } from '../store/types';
import { storedRequest } from './consoleRows';
import { requestSearchTerms, trackingCodeTerm } from './searchTerms';

/**
 * Writes the search terms of requests stored before the console existed (new ones get theirs at
 * ingest). Run at start-up, in batches, until none is left; returns how many it indexed.
 */
export async function indexUnsearchedRequests(store: Store, batch = 500): Promise<number> {
  let indexed = 0;
  for (;;) {
    const pending = await store.requestsToIndex(batch);
    if (pending.length === 0) return indexed;
    for (const row of pending) {
      const request = storedRequest(row.body);
      const terms = request ? requestSearchTerms(request) : [trackingCodeTerm(row.trackingCode)];
      await store.writeSearchTerms({ requestId: row.id, officeId: row.officeId, terms });
    }
    indexed += pending.length;
  }
}
