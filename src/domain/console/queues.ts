import { z } from 'zod';
import { pagingQuerySchema } from './paging';

/**
 * The work queues, newest or oldest first: New (received), In review (mine, or everybody's),
 * Ready for collection, Collected, Refused. Translated in `console:queue.<id>`.
 */
export const QUEUE_IDS = ['new', 'inReviewMine', 'inReviewAll', 'ready', 'collected', 'refused'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];
export const queueIdSchema = z.enum(QUEUE_IDS);

export const queueQuerySchema = pagingQuerySchema;

const count = z.int().nonnegative();

/** Every queue's count, and how many of the open ones are overdue, for the side bar. */
export const queueCountsSchema = z.strictObject({
  counts: z.strictObject({
    new: count,
    inReviewMine: count,
    inReviewAll: count,
    ready: count,
    collected: count,
    refused: count,
  }) satisfies z.ZodType<Record<QueueId, number>>,
  overdue: z.int().nonnegative(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;
