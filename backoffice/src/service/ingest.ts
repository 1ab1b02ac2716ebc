import type { Catalogue } from '../../../src/domain/catalogue';
import type { PushResult } from '../../../src/domain/syncProtocol';
import type { ClockFlag, Store, StoredPushOutcome } from '../store/types';
import { checkAgainstCatalogue, parsePushItem, type CheckedItem } from './pushItems';
import { clockFlagOf, kioskSeqInWindow, kioskSeqWindowBase, metadataErrors } from './pushBounds';

export interface IngestContext {
  store: Store;
  deviceId: string;
  officeId: string;
  now: Date;
  /**
   * The device's last recorded kiosk sequence, when the caller has just read it (the push route,
   * with the token): spares a read. Read here otherwise. Either way it is read outside the
   * batch's transaction, as it always was: the window only bounds what a forged number can move.
   */
  lastKioskSeq?: number;
  /** Where a push's anomalies are reported (the request's logger, at warn). */
  log?: (details: Record<string, unknown>, message: string) => void;
  /** A portal batch: the citizen's account, which the requests are bound to (channel `portal`). */
  portalAccountId?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One push batch: every item is checked on its own, the valid ones are upserted by id in ONE
 * transaction, and the answer has one result per item, in the order sent.
 */
export async function ingestBatch(context: IngestContext, items: readonly unknown[]): Promise<PushResult[]> {
  const { store, officeId } = context;
  const parsed = items.map(parsePushItem);
  const catalogues = new Map<number, Catalogue | null>();
  // The office's current catalogue is only the fallback for a version not stored: read when one is
  // missing (a stored version is kept by each instance, so the usual batch asks the database nothing).
  let current: Promise<Catalogue | null> | null = null;
  for (const item of parsed) {
    if (!item.ok || catalogues.has(item.request.catalogueVersion)) continue;
    const stored = await store.getCatalogue(officeId, item.request.catalogueVersion);
    catalogues.set(item.request.catalogueVersion, stored ?? (await (current ??= store.getCatalogue(officeId))));
  }
  const today = new Date(context.now.getTime() + DAY_MS).toISOString().slice(0, 10);
  const checked: CheckedItem[] = parsed.map((item) => {
    if (!item.ok) return item;
    const metadata = metadataErrors(item.request);
    if (metadata.length > 0) return { ok: false, id: item.request.id, kioskSeq: item.request.kioskSeq, errors: metadata };
    return checkAgainstCatalogue(item.request, catalogues.get(item.request.catalogueVersion) ?? null, today);
  });

  const valid = checked.filter((item) => item.ok);
  // The window comes from the stored sequence, not from this batch: one forged number cannot widen it for the next items.
  const seqs = checked.flatMap((item) => {
    const seq = item.ok ? item.request.kioskSeq : item.kioskSeq;
    return seq === null ? [] : [seq];
  });
  const lastRecorded = context.lastKioskSeq ?? (await store.getDevice(context.deviceId))?.lastKioskSeq ?? 0;
  const windowBase = kioskSeqWindowBase(lastRecorded, seqs);
  const inWindow = seqs.filter((seq) => kioskSeqInWindow(seq, windowBase));
  const clockFlags = new Map<string, ClockFlag>();
  for (const item of valid) {
    const flag = clockFlagOf(item.request, context.now);
    if (flag) clockFlags.set(item.request.id, flag);
  }
  const stored = await store.pushRequests({
    deviceId: context.deviceId,
    officeId,
    receivedAt: context.now.toISOString(),
    // Only sequences inside the window are recorded: a forged 2^32 is neither a gap nor the new last.
    kioskSeqs: inWindow,
    items: valid,
    clockFlags,
    ...(context.portalAccountId === undefined ? {} : { portalAccountId: context.portalAccountId }),
  });
  // Stored when valid, but moving nothing: the operator learns of it from the log.
  if (inWindow.length < seqs.length) {
    context.log?.({ deviceId: context.deviceId, outOfWindow: seqs.length - inWindow.length }, 'kiosk sequences outside the window: not recorded');
  }
  if (clockFlags.size > 0) {
    context.log?.({ deviceId: context.deviceId, flagged: clockFlags.size }, 'kiosk clock outside the tolerated window: requests kept and flagged');
  }

  let next = 0;
  let errorBudget = MAX_ERRORS_PER_BATCH;
  return checked.map((item): PushResult => {
    if (item.ok) return toResult(item.request.id, stored[next++]!);
    // Past the batch's budget an item still says it is invalid, with one error instead of twenty.
    const errors = errorBudget > 0 ? item.errors.slice(0, errorBudget) : [ERRORS_NOT_SHOWN];
    errorBudget -= errors.length;
    return { id: item.id, outcome: 'invalid', errors };
  });
}

/** With at most MAX_ERRORS_PER_ITEM per item, this bounds the answer of a batch of hostile items (docs/security.md). */
export const MAX_ERRORS_PER_BATCH = 1_000;
const ERRORS_NOT_SHOWN = { path: '', code: 'moreErrorsNotShown' };

/** Refusals no retry can fix: answered invalid, with the path the kiosk's supervisor sees. */
function toResult(id: string, outcome: StoredPushOutcome): PushResult {
  switch (outcome) {
    case 'accepted':
    case 'duplicate':
    case 'conflict':
      return { id, outcome };
    case 'trackingCodeTaken':
      return { id, outcome: 'invalid', errors: [{ path: 'trackingCode', code: 'taken' }] };
    case 'trackingPrefixNotOwned':
      return { id, outcome: 'invalid', errors: [{ path: 'trackingCode', code: 'notThisKiosksPrefix' }] };
    case 'idNotOwned':
      return { id, outcome: 'invalid', errors: [{ path: 'id', code: 'unavailable' }] };
    default:
      return missingCase(outcome);
  }
}

function missingCase(value: never): never {
  throw new Error(`unhandled push outcome ${String(value)}`);
}
