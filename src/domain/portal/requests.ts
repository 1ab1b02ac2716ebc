import { z } from 'zod';
import { MAX_PUSH_BATCH, pushResponseSchema } from '../syncProtocol';
import { refusalReasonCodeSchema } from '../refusalReasons';
import { remoteStatusSchema } from '../status';
import { statusProofSchema } from '../statusProof';
import { portalAccountSchema } from './login';

/**
 * The portal's requests: the kiosk's request (`CitizenRequest`, made by the same domain code and
 * kept in the same outbox) with the office the citizen chose beside it. The answer is the
 * kiosk's push answer, one result per item in order: accepted / duplicate / conflict / invalid.
 */

/**
 * One pushed item: `{ officeId, request }`. Parsed item by item on the server (portalPushItemSchema),
 * so one bad item is `invalid` without failing the batch. An office that is not in the offices
 * list is `invalid` with `{ path: 'officeId', code: 'unknownOffice' }`; the other errors' paths
 * are the request's own (`identity.cin`, `trackingCode`…), exactly as the kiosk receives them.
 * The channel is never read from the body: the server stamps `portal`.
 */
export const portalPushBodySchema = z.strictObject({
  items: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH),
});
export const portalPushItemSchema = z.strictObject({
  officeId: z.string().min(1).max(100),
  /** Exactly the kiosk's pushed item (pushItemSchema); checked by the same code. */
  request: z.unknown(),
});
export type PortalPushItem = { officeId: string; request: unknown };
export const portalPushResponseSchema = pushResponseSchema;

/** One of "my requests": enough for the list, the status screen and the receipt shown at the counter. */
export const myRequestSchema = z.strictObject({
  id: z.string().min(1),
  trackingCode: z.string().min(1),
  serviceId: z.string().min(1),
  officeId: z.string().min(1),
  status: remoteStatusSchema,
  /** When the back office received it, and when its status last changed (server clock). */
  receivedAt: z.iso.datetime(),
  statusAt: z.iso.datetime(),
  /** For `refused`: the category, which the app translates (`refusal.<code>`), then the agent's text as written. */
  reasonCode: refusalReasonCodeSchema.nullable(),
  reason: z.string().max(500).nullable(),
  /**
   * The verifier sent with the request (statusProof.ts), null once purged. The receipt's QR is
   * `receiptQrPayload(trackingCode, token)` with the token the app kept when it made the
   * request (the server never has it); on another browser, the code alone.
   */
  statusProof: statusProofSchema.nullable(),
  /** True while the citizen may withdraw it (status `received`). */
  withdrawable: z.boolean(),
});
export type MyRequest = z.infer<typeof myRequestSchema>;
/** `GET requests`: the account's requests, newest first (at most MY_REQUESTS_MAX). */
export const myRequestsSchema = z.strictObject({ requests: z.array(myRequestSchema) });
export type MyRequests = z.infer<typeof myRequestsSchema>;
export const MY_REQUESTS_MAX = 200;

/** `DELETE requests/:requestId`: the request is refused with `withdrawnByCitizen` and its personal data emptied at once. */
export const withdrawResponseSchema = z.strictObject({ request: myRequestSchema });

/** `GET account`: what the portal keeps about the citizen (Law 09-08: the right to see it). */
export const accountResponseSchema = z.strictObject({
  account: portalAccountSchema,
  /** Requests made through this account, by status. */
  requests: z.int().nonnegative(),
  /** Sessions still open (this one included). */
  sessions: z.int().nonnegative(),
});
export type AccountResponse = z.infer<typeof accountResponseSchema>;

/**
 * `DELETE account` (Law 09-08): the account, its sessions, its login codes and its requests not
 * yet processed (status `received`) are deleted; processed ones stay at the office as the law
 * on records requires, detached from the account. Audited.
 */
export const accountDeletedSchema = z.strictObject({
  deleted: z.literal(true),
  /** Requests not yet processed that were withdrawn and emptied. */
  withdrawn: z.int().nonnegative(),
  /** Processed requests kept at the office, no longer linked to any account. */
  detached: z.int().nonnegative(),
});
export type AccountDeleted = z.infer<typeof accountDeletedSchema>;
