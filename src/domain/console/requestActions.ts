import { z } from 'zod';
import { REFUSAL_TEXT_MAX, refusalReasonCodeSchema } from '../refusalReasons';
import { collectorSchema } from './requestDetail';

/**
 * Bodies of the request page's actions. Each carries the version the agent saw: if the request
 * changed since (a colleague acted first), the back office answers 409 `version_conflict` and
 * changes nothing; the console reloads the request and says who did what. Every action answers
 * with the request's new detail (requestDetailSchema).
 */
const expectedVersion = z.int().nonnegative();

export const assignBodySchema = z.strictObject({ expectedVersion });
export const releaseBodySchema = z.strictObject({ expectedVersion });

export const checklistBodySchema = z.strictObject({
  expectedVersion,
  index: z.int().nonnegative().max(100),
  checked: z.boolean(),
});

/** The moves with no extra data: received → inReview, inReview → ready. */
export const statusBodySchema = z.strictObject({
  expectedVersion,
  status: z.enum(['inReview', 'ready']),
});

export const refuseBodySchema = z
  .strictObject({
    expectedVersion,
    reasonCode: refusalReasonCodeSchema,
    /** Shown to the citizen after the translated category, as written. */
    reason: z.string().trim().max(REFUSAL_TEXT_MAX).optional(),
  })
  .refine((body) => body.reasonCode !== 'other' || (body.reason ?? '') !== '', {
    message: 'the reason "other" needs a text',
    path: ['reason'],
  });

export const collectBodySchema = z.strictObject({ expectedVersion, collector: collectorSchema });

export type AssignBody = z.infer<typeof assignBodySchema>;
export type ReleaseBody = z.infer<typeof releaseBodySchema>;
export type ChecklistBody = z.infer<typeof checklistBodySchema>;
export type StatusBody = z.infer<typeof statusBodySchema>;
export type RefuseBody = z.infer<typeof refuseBodySchema>;
export type CollectBody = z.infer<typeof collectBodySchema>;
