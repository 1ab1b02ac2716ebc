import { z } from 'zod';

/**
 * Lists are paged by offset: staff jump to "page 3 of 12". Query strings carry numbers as text,
 * hence the coercion here and nowhere else in the contract.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export const LIST_ORDERS = ['newest', 'oldest'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

export const pagingQuerySchema = z.strictObject({
  offset: z.coerce.number().int().nonnegative().max(1_000_000).default(0),
  limit: z.coerce.number().int().positive().max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  order: z.enum(LIST_ORDERS).default('oldest'),
});
export type PagingQuery = z.infer<typeof pagingQuerySchema>;

/** Builds a query string from any flat query object, leaving out what is unset. */
export function toQueryString(query: Readonly<Record<string, string | number | undefined>>): string {
  const pairs = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}` : '';
}
