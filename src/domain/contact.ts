import { z } from 'zod';
import type { RemoteStatus } from './status';

/** An e-mail address as a mail server accepts it: bounded (RFC 5321's 254), no spaces or angle brackets. */
export const contactEmailSchema = z.email().max(254);

/**
 * How the citizen wants to hear about their request, carried by the request (optional, so a
 * request from an older kiosk stays valid). The phone is the identity's own (`identity.phone`);
 * `email` is given on the portal. Nothing is sent unless `agreed`; `received` is sent only when
 * the citizen also asked for it (`notifyReceived`). Personal data: purged with the request.
 */
export const contactChoiceSchema = z.strictObject({
  email: contactEmailSchema.optional(),
  /** The citizen agreed to be contacted about this request (law 09-08: explicit, per request). */
  agreed: z.boolean(),
  /** "Tell me when it is received too." */
  notifyReceived: z.boolean(),
});
export type ContactChoice = z.infer<typeof contactChoiceSchema>;

/** The statuses a citizen is told about: always `ready` and `refused`, `received` when asked. */
export const ALWAYS_NOTIFIED_STATUSES = ['ready', 'refused'] as const satisfies readonly RemoteStatus[];

/** Whether a change to `status` is worth a message to a citizen who chose `contact`. */
export function wantsMessageOn(contact: ContactChoice | undefined, status: RemoteStatus): boolean {
  if (!contact?.agreed) return false;
  if (status === 'received') return contact.notifyReceived;
  return (ALWAYS_NOTIFIED_STATUSES as readonly RemoteStatus[]).includes(status);
}
