import { z } from 'zod';
import { remoteStatusSchema } from '../status';
import { pagingQuerySchema } from './paging';
import { channelSchema } from './requestRow';

/**
 * Search within the office: `q` is a tracking code, a CIN, a phone number or part of a name, in
 * Arabic or Latin script; case, diacritics and digit scripts are ignored (the back office keeps
 * a folded key of each request, made at ingest). Filters narrow it; an empty `q` lists by filter.
 */
export const searchQuerySchema = pagingQuerySchema.extend({
  q: z.string().trim().max(120).default(''),
  serviceId: z.string().regex(/^[a-z][a-z0-9_]*$/).optional(),
  channel: channelSchema.optional(),
  kioskId: z.string().min(1).max(100).optional(),
  status: remoteStatusSchema.optional(),
  /** Received on or after this day (office's calendar day, YYYY-MM-DD). */
  from: z.iso.date().optional(),
  /** Received on or before this day. */
  to: z.iso.date().optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;
/** What a caller builds before it is turned into a query string. */
export type SearchQueryInput = Partial<SearchQuery>;
