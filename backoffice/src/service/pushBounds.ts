import { CONSENT_NOTICE_VERSION, type CitizenRequest } from '../../../src/domain/request';
import type { ClockFlag } from '../store/types';
import type { WireFieldError } from './fieldErrors';

/**
 * Bounds on the numbers and dates of a pushed request that the server keeps state from or
 * records (docs/security.md, "Metadata" and "kioskSeq"). Pure: the caller passes the device's
 * last sequence and the server's clock.
 */

/** Fits a 32-bit column on every engine; a kiosk making one request a minute needs four thousand years to reach it. */
export const MAX_KIOSK_SEQ = 2_147_483_647;
/**
 * How far past the device's last recorded sequence an item may be and still be recorded. A kiosk
 * numbers its requests 1, 2, 3… and pushes them in order, at most a batch at a time, so a real
 * jump is a few lost items; a bigger one is forged, corrupted, or follows a server restored from
 * an old backup. Such an item is still stored when valid (a real request is never refused for its
 * number) but moves nothing: it is only logged (warn).
 */
export const MAX_KIOSK_SEQ_STEP = 10_000;

/** Above this a sequence is refused outright: no kiosk gets there, and it must fit every engine's integer. */
export function kioskSeqPossible(seq: number): boolean {
  return Number.isSafeInteger(seq) && seq >= 1 && seq <= MAX_KIOSK_SEQ;
}

/**
 * The base of the window: the device's recorded sequence, or, for a device that has none yet (a
 * new or re-enrolled kiosk, whose numbering goes on from its earlier life), the smallest possible
 * sequence of this batch, so that a forged number among real ones still falls outside.
 */
export function kioskSeqWindowBase(lastRecorded: number, batchSeqs: readonly number[]): number {
  if (lastRecorded > 0) return lastRecorded;
  const possible = batchSeqs.filter(kioskSeqPossible);
  return possible.length ? Math.min(...possible) - 1 : 0;
}

/** Is this sequence one the server may record for the device (counted as a gap or a replay, or moved to)? */
export function kioskSeqInWindow(seq: number, windowBase: number): boolean {
  return kioskSeqPossible(seq) && seq <= windowBase + MAX_KIOSK_SEQ_STEP;
}

/** The consent notices this server knows: 1 up to the current one. A kiosk cannot have accepted a notice that does not exist. */
export function isKnownNoticeVersion(version: number): boolean {
  return Number.isInteger(version) && version >= 1 && version <= CONSENT_NOTICE_VERSION;
}

/**
 * Kiosk clocks drift and kiosks stay offline: a request may be pushed days after it was made.
 * Tolerated: up to 10 minutes ahead of the server (clock drift), and up to 400 days behind (a
 * kiosk offline across a year, then its queue delivered). Beyond that the request is still
 * stored (a citizen's request is never lost for a bad clock) and flagged `ahead` or `behind`,
 * with the kiosk's times kept as sent, so staff see that its dates are not to be trusted.
 */
export const CLOCK_AHEAD_TOLERANCE_MS = 10 * 60 * 1000;
export const CLOCK_BEHIND_TOLERANCE_MS = 400 * 24 * 60 * 60 * 1000;

export function clockFlagOf(request: Pick<CitizenRequest, 'createdAt' | 'consent'>, now: Date): ClockFlag | null {
  const times = [Date.parse(request.createdAt), Date.parse(request.consent.acceptedAt)];
  if (times.some((t) => !Number.isFinite(t) || t > now.getTime() + CLOCK_AHEAD_TOLERANCE_MS)) return 'ahead';
  if (times.some((t) => t < now.getTime() - CLOCK_BEHIND_TOLERANCE_MS)) return 'behind';
  return null;
}

/** Metadata errors of one item: answered invalid, since no retry of the same item can fix them. */
export function metadataErrors(request: CitizenRequest): WireFieldError[] {
  const errors: WireFieldError[] = [];
  if (!kioskSeqPossible(request.kioskSeq)) errors.push({ path: 'kioskSeq', code: 'outOfRange' });
  if (!isKnownNoticeVersion(request.consent.noticeVersion)) errors.push({ path: 'consent.noticeVersion', code: 'unknownNotice' });
  return errors;
}
