import type { ListOrder } from '../../../../src/domain/console/paging';
import type { QueueId } from '../../../../src/domain/console/queues';
import type { SearchQueryInput } from '../../../../src/domain/console/search';
import type { RemoteStatus } from '../../../../src/domain/status';

/** The filters of the queue page, as the form gives them. */
export type QueueFilters = Pick<SearchQueryInput, 'serviceId' | 'channel' | 'kioskId' | 'from' | 'to'>;

export interface QueueView {
  queue: QueueId;
  order: ListOrder;
  page: number;
  pageSize: number;
  /** Tracking code, CIN, phone or name; empty for none. */
  text: string;
  filters: QueueFilters;
}

const QUEUE_STATUS: Record<QueueId, RemoteStatus> = {
  new: 'received',
  inReviewMine: 'inReview',
  inReviewAll: 'inReview',
  ready: 'ready',
  collected: 'collected',
  refused: 'refused',
};

/**
 * Which list the page asks for. A bare queue is the queue route. A search text looks through
 * every status (the citizen at the counter may be in any queue); filters alone narrow the queue
 * on screen through the search route.
 */
export function listRequestOf(view: QueueView): { kind: 'queue'; queue: QueueId; paging: { offset: number; limit: number; order: ListOrder } } | { kind: 'search'; query: SearchQueryInput } {
  const paging = { offset: view.page * view.pageSize, limit: view.pageSize, order: view.order };
  const filtered = Object.values(view.filters).some((value) => value !== undefined && value !== '');
  if (view.text === '' && !filtered) return { kind: 'queue', queue: view.queue, paging };
  const status = view.text === '' ? { status: QUEUE_STATUS[view.queue] } : {};
  return { kind: 'search', query: { ...paging, ...view.filters, ...status, q: view.text } };
}

export function isSearching(view: QueueView): boolean {
  return view.text !== '';
}
