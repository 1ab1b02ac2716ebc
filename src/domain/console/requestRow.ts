import { z } from 'zod';
import { remoteStatusSchema } from '../status';

/** Where a request came from: the kiosk today, the citizen portal later. */
export const CHANNELS = ['kiosk', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelSchema = z.enum(CHANNELS);

export const staffRefSchema = z.strictObject({ id: z.string().min(1), name: z.string().min(1) });
export type StaffRef = z.infer<typeof staffRefSchema>;

/**
 * One line of a queue or of search results: enough to recognise the citizen at the counter.
 * Opening the request (its page) is what is audited as a view of personal data.
 */
export const requestRowSchema = z.strictObject({
  id: z.string().min(1),
  trackingCode: z.string().min(1),
  serviceId: z.string().min(1),
  channel: channelSchema,
  status: remoteStatusSchema,
  /** Names as the citizen gave them; empty strings once the personal data was purged. */
  holder: z.strictObject({ latin: z.string(), arabic: z.string(), cin: z.string() }),
  kiosk: z.strictObject({ id: z.string().min(1), label: z.string().min(1) }).nullable(),
  /** When the back office received it (server clock): the queues' order. */
  receivedAt: z.iso.datetime(),
  /** When its status last changed. */
  statusAt: z.iso.datetime(),
  assignee: staffRefSchema.nullable(),
  /** Still open past the service's announced delay (counted from `receivedAt`). */
  overdue: z.boolean(),
  /** Optimistic version: every change to the request increments it. */
  version: z.int().nonnegative(),
});
export type RequestRow = z.infer<typeof requestRowSchema>;

export const requestPageSchema = z.strictObject({
  items: z.array(requestRowSchema),
  /** How many match in all (for "page 3 of 12"). */
  total: z.int().nonnegative(),
  offset: z.int().nonnegative(),
  limit: z.int().positive(),
});
export type RequestPage = z.infer<typeof requestPageSchema>;
