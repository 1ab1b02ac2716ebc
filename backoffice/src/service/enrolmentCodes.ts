import type { Store } from '../store/types';
import { hashSecret, newEnrolmentCode } from './secrets';

export const ENROLMENT_CODE_TTL_HOURS = 24;

/** A one-time enrolment code for the office; only its hash is kept. Shared by the CLI and the console. */
export async function issueEnrolmentCode(store: Store, officeId: string, now: Date, ttlHours = ENROLMENT_CODE_TTL_HOURS) {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
  await store.createEnrolmentCode({ codeHash: hashSecret(code), officeId, createdAt: now.toISOString(), expiresAt });
  return { code, expiresAt };
}
