import { z } from 'zod';
import { catalogueSchema } from './catalogue';
import { citizenRequestSchema } from './request';
import { refusalReasonCodeSchema } from './refusalReasons';
import { remoteStatusSchema } from './status';
import { statusProofSchema } from './statusProof';

/**
 * The kiosk ⇄ back-office protocol (documented in docs/sync-protocol.md and served as OpenAPI).
 * Every body is parsed with these schemas on both sides: strict objects, no coercion.
 */

export const API_PREFIX = '/api/v1';

/** The largest push batch the back office accepts. */
export const MAX_PUSH_BATCH = 1000;

export const enrolRequestSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  kioskLabel: z.string().min(1).max(80),
  /**
   * The token this tablet held before, revoked or not: it proves the tablet is the one enrolled
   * before, whose device is then replaced (revoked, its prefixes and requests moved to the new
   * one, audited) rather than left beside it.
   */
  previousDeviceToken: z.string().min(32).max(200).optional(),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;
export const enrolResponseSchema = z.strictObject({
  deviceId: z.string().min(1),
  deviceToken: z.string().min(32),
  officeId: z.string().min(1),
  officeName: z.string().min(1),
  trackingPrefix: z.string().length(3),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const pushRequestSchema = z.strictObject({
  items: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH),
});
/** Each pushed item is parsed on its own, so one bad item is `invalid` without failing the batch. */
export const pushItemSchema = citizenRequestSchema;

export const fieldErrorWireSchema = z.strictObject({ path: z.string(), code: z.string() });

export const PUSH_OUTCOMES = ['accepted', 'duplicate', 'invalid', 'conflict'] as const;
export type PushOutcome = (typeof PUSH_OUTCOMES)[number];
export const pushResultSchema = z.strictObject({
  /** Echoes the item's id; null only when the item was so malformed it had none. */
  id: z.string().nullable(),
  outcome: z.enum(PUSH_OUTCOMES),
  errors: z.array(fieldErrorWireSchema).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;
export const pushResponseSchema = z.strictObject({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const statusChangeSchema = z.strictObject({
  /** Server-side monotonic sequence: the only ordering of changes. */
  seq: z.int().positive(),
  requestId: z.string(),
  trackingCode: z.string(),
  status: remoteStatusSchema,
  reason: z.string().max(500).nullable(),
  /** For `refused`: the category the kiosk shows translated, before `reason` (refusalReasons.ts). Absent from changes made before it existed. */
  reasonCode: refusalReasonCodeSchema.nullable().optional(),
  changedAt: z.iso.datetime(),
  /**
   * The verifier the request's kiosk made (statusProof.ts), so any kiosk of the office can check
   * that a status lookup comes from the holder; null once purged or for older requests.
   */
  proof: statusProofSchema.nullable().optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const changesResponseSchema = z.strictObject({
  changes: z.array(statusChangeSchema),
  cursor: z.int().nonnegative(),
  more: z.boolean(),
  /** The server's highest sequence: a kiosk cursor above it means the server was restored from a backup. */
  highWater: z.int().nonnegative(),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;

export const catalogueResponseSchema = z.strictObject({
  catalogue: catalogueSchema.nullable(),
});

export const auditEntryWireSchema = z.strictObject({
  id: z.uuid(),
  at: z.iso.datetime(),
  action: z.string().min(1).max(60),
  detail: z.string().max(1000),
});
export const auditPushSchema = z.strictObject({ entries: z.array(auditEntryWireSchema).min(1).max(500) });

export const errorResponseSchema = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
});
