import { z } from 'zod';
import { remoteStatusSchema } from '../status';
import { TIMELINE_KINDS } from './requestDetail';

/**
 * The office's feed of changes, so a queue updates without a reload: every timeline event of
 * the office's requests (a new request arrives as `received`), in the back office's order.
 * Poll `events?since=<cursor>`, or listen to `events/stream` (server-sent events, one `change`
 * event per item with the JSON below; reconnect with `Last-Event-ID` or `?since=`).
 */
export const consoleEventSchema = z.strictObject({
  seq: z.int().positive(),
  requestId: z.string().min(1),
  trackingCode: z.string().min(1),
  kind: z.enum(TIMELINE_KINDS),
  /** The request's status after the event. */
  status: remoteStatusSchema,
  at: z.iso.datetime(),
});
export type ConsoleEvent = z.infer<typeof consoleEventSchema>;

export const eventsQuerySchema = z.strictObject({
  /** The cursor of the last answer. Absent: start from the present (no history is replayed, the answer gives the cursor). */
  since: z.coerce.number().int().nonnegative().optional(),
});

export const eventsResponseSchema = z.strictObject({
  events: z.array(consoleEventSchema),
  /** Pass it back as `since`. */
  cursor: z.int().nonnegative(),
  more: z.boolean(),
});
export type EventsResponse = z.infer<typeof eventsResponseSchema>;
