import { z } from 'zod';
import type { RemoteStatus } from './status';

/**
 * Why an office refuses a request. The code travels to the kiosk with the status change, so the
 * citizen reads the category in their own language (locales `refusal.<code>` in every kiosk
 * language, `console.refusal.<code>` for the staff); the optional free text an agent adds is
 * shown after it, as written.
 */
export const REFUSAL_REASON_CODES = [
  'missingDocuments',
  'invalidDocuments',
  'identityMismatch',
  'notEligible',
  'wrongOffice',
  'duplicateRequest',
  'notCollected',
  'withdrawnByCitizen',
  'other',
] as const;
export type RefusalReasonCode = (typeof REFUSAL_REASON_CODES)[number];
export const refusalReasonCodeSchema = z.enum(REFUSAL_REASON_CODES);

/** `other` says nothing on its own: the agent must write the reason the citizen will read. */
export function refusalNeedsText(code: RefusalReasonCode): boolean {
  return code === 'other';
}

/** The free text beside a reason code: bounded like the kiosk's other free texts. */
export const REFUSAL_TEXT_MAX = 500;

/** A request may be refused until it is final: received, in review, or ready but never collected. */
export const REFUSABLE_STATUSES: readonly RemoteStatus[] = ['received', 'inReview', 'ready'];

export function canRefuse(status: RemoteStatus): boolean {
  return REFUSABLE_STATUSES.includes(status);
}
