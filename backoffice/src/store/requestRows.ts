import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';
import { isFinalStatus, REMOTE_STATUSES, type RemoteStatus } from '../../../src/domain/status';
import { statusProofSchema, type StatusProof } from '../../../src/domain/statusProof';
import type { StatusChange } from '../../../src/domain/syncProtocol';

/**
 * What both engines' request stores (sqliteRequests.ts, postgres/pgRequests.ts) compute the same
 * way on either side of their SQL: one home, so the two cannot drift apart.
 */

/** The statuses after which a request may be purged once old enough. */
export const FINAL_STATUSES: readonly RemoteStatus[] = REMOTE_STATUSES.filter(isFinalStatus);

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a request received at `receivedAt` is late, for a service announcing `delayDays`. */
export function dueAt(receivedAt: string, delayDays: number | null | undefined): string | null {
  if (delayDays === null || delayDays === undefined) return null;
  const received = Date.parse(receivedAt);
  return Number.isNaN(received) ? null : new Date(received + delayDays * DAY_MS).toISOString();
}

/** A row of the change feed as both engines select it (column aliases of the same names). */
export interface ChangeRow {
  seq: number;
  requestId: string;
  trackingCode: string;
  status: RemoteStatus;
  reason: string | null;
  reasonCode: RefusalReasonCode | null;
  changedAt: string;
  proof: string | null;
}

/** The stored verifier, parsed again on the way out: a damaged one is sent as none (it then opens nothing). */
function proofOf(stored: string | null): StatusProof | null {
  if (stored === null) return null;
  try {
    const parsed = statusProofSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A feed row as a kiosk receives it: no reason code key when there is none, the proof's verifier parsed. */
export function toStatusChange({ reasonCode, proof, ...row }: ChangeRow): StatusChange {
  return { ...row, ...(reasonCode === null ? {} : { reasonCode }), proof: proofOf(proof) };
}

/** What a feed read learns about sequence numbers besides its page. */
export interface HighWaterFacts {
  /** The office's highest visible change. */
  officeHigh: number;
  /** The highest change of any office: numbers above it were never given. */
  anyHigh: number;
}

/**
 * How far an office's kiosk may move its cursor when it has read everything: to its office's
 * last change, because offices are numbered under separate locks and another office's later
 * number says nothing of a change of this office still committing. A cursor already above that
 * but within the numbers given (drawn before offices had their own locks) stays where it is; one
 * above every number given is reported as such, so the kiosk notices a server restored from a
 * backup.
 */
export function officeHighWater(since: number, { officeHigh, anyHigh }: HighWaterFacts): number {
  if (since > anyHigh) return anyHigh;
  return Math.max(officeHigh, since);
}
