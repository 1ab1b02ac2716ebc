import { z } from 'zod';
import { heartbeatSchema } from '../heartbeat';

/** A kiosk that has not been heard from for this long is shown as silent. */
export const SILENT_AFTER_MINUTES = 15;

export const kioskRowSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  trackingPrefix: z.string().length(3),
  enrolledAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  /** The last heartbeat as the kiosk sent it; null until its first. */
  heartbeat: heartbeatSchema.nullable(),
  /** Back office clock: when the last heartbeat (or push) arrived. */
  lastSeenAt: z.iso.datetime().nullable(),
  /** Not revoked and not heard from for more than SILENT_AFTER_MINUTES (or never). */
  silent: z.boolean(),
});
export type KioskRow = z.infer<typeof kioskRowSchema>;

export const kioskListSchema = z.strictObject({ kiosks: z.array(kioskRowSchema) });
export type KioskList = z.infer<typeof kioskListSchema>;

/** A one-time code a supervisor types on a new kiosk (`XXXX-XXXX`, valid for a day). */
export const enrolmentCodeResponseSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  expiresAt: z.iso.datetime(),
});
export type EnrolmentCodeResponse = z.infer<typeof enrolmentCodeResponseSchema>;
