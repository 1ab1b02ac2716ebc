import { z } from 'zod';

/**
 * Server-side shapes that the kiosk does not need to share: query strings and the answers of
 * the audit and health endpoints. Query values arrive as strings and are read strictly
 * (digits only), never coerced.
 */
const counter = (max: number) => z.string().regex(new RegExp(`^\\d{1,${max}}$`)).transform(Number);

export const changesQuerySchema = z.strictObject({
  since: counter(15).optional(),
  limit: counter(4).pipe(z.int().min(1).max(1000)).optional(),
});

export const catalogueQuerySchema = z.strictObject({
  since: counter(9).optional(),
});

export const auditPushResponseSchema = z.strictObject({
  /** Entries stored by this call; the others were already kept (a replay). */
  stored: z.int().nonnegative(),
  duplicates: z.int().nonnegative(),
});

export const healthResponseSchema = z.strictObject({
  status: z.literal('ok'),
  time: z.iso.datetime(),
});
