import { citizenRequestSchema, type CitizenRequest } from '../domain/request';
import type { KioskSettings } from '../domain/settings';
import type { PushStepResult } from '../machines/sync/types';
import type { OutboxItem, RejectionError, ShubbakDb } from '../storage/db';
import { applyPushResults, applyThenTakeBatch, rejectLocally, releaseInFlight, requeueInFlight, type AnsweredBatch } from '../storage/outboxSync';
import { loadSettings } from '../storage/settings';
import { SyncError } from './syncError';
import type { Transport } from './transport';

export interface PushPipelineDeps {
  db: ShubbakDb;
  transport: () => Promise<Transport>;
  now: () => number;
}

/** Stored data is checked again before it leaves: a row damaged on disk is refused here, alone. */
function recheckStored(request: CitizenRequest | null): { ok: true; request: CitizenRequest } | { ok: false; errors: RejectionError[] } {
  const parsed = citizenRequestSchema.safeParse(request);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })) };
}

/**
 * Pushes the outbox one batch per call, with the storage work of a batch overlapping the
 * round trip of the one before: as soon as batch n is taken, and while it is checked and on the
 * wire, one transaction writes the answers of batch n−1 and records batch n+1 in flight.
 * Batches still leave one at a time, in kiosk-sequence order (one call in flight), and an item
 * leaves the pending set only through an answer about it (`applyPushResults`).
 *
 * Between two calls the answers of the last batch are held in memory. If they are lost (the
 * kiosk stops or crashes), their items are still recorded in flight: the next drain requeues them
 * and the back office answers `duplicate` to the resend. Every call that ends the drain (`more:
 * false`) or fails writes them first, so a finished push step leaves nothing held.
 */
export function createPushPipeline({ db, transport, now }: PushPipelineDeps): (signal: AbortSignal) => Promise<PushStepResult> {
  // Lowered when the back office says a batch is too large (413); kept for the life of the engine.
  let batchCeiling = Number.POSITIVE_INFINITY;
  /** The next batch, being taken in flight together with the writing of `answered`'s predecessor. */
  let upcoming: Promise<OutboxItem[]> | null = null;
  /** The size `upcoming` was taken with: a batch is the last one when it came back smaller than asked. */
  let upcomingSize = 0;
  let answered: AnsweredBatch | null = null;
  /** Read alongside `upcoming`, so a supervisor's change applies one batch later and the read waits for nothing. */
  let settingsAhead: Promise<KioskSettings> | null = null;
  /** Calls never overlap, even when the machine abandoned one (watchdog) that is still unwinding. */
  let running: Promise<unknown> = Promise.resolve();

  /** Writes what is held and puts every in-flight item back in the queue: the state after a failure. */
  async function unwind(reason: string): Promise<void> {
    settingsAhead = null;
    await settleUpcoming().catch(() => undefined);
    await flushHeld().catch(() => undefined);
    await releaseInFlight(db, reason, now());
  }

  async function flushHeld(): Promise<void> {
    const held = answered;
    answered = null;
    if (held) await applyPushResults(db, held.results, held.at, held.sent);
  }

  async function pushOne(signal: AbortSignal): Promise<PushStepResult> {
    // A drain starts with nothing of this engine in flight, and push steps run under the
    // kiosk's single-runner lock: whatever is recorded in flight was left by a runner that
    // stopped (a crash, a closed window) and goes back to the queue. Done here rather than at
    // start-up, so that a second window opening never clears the running one's batches.
    if (!upcoming && !answered) await requeueInFlight(db, now());
    const settings = await (settingsAhead ?? loadSettings(db));
    settingsAhead = null;
    const batchSize = Math.min(settings.syncBatchSize, batchCeiling);
    const askedFor = upcoming ? upcomingSize : batchSize;
    const taking = upcoming ?? applyThenTakeBatch(db, takeHeld(), batchSize);
    upcoming = null;
    const batch = await taking;
    if (signal.aborted) throw signal.reason;
    const full = batch.length >= askedFor;
    // Read before the next transaction starts: the transport reads the settings, and that read
    // would otherwise wait for the whole write of a batch (the in-flight record lives in `meta`).
    const sender = batch.length > 0 ? await transport() : null;
    // At once, before this batch is checked and sent: write the answers held from the batch
    // before and take the next one, so the storage work overlaps the checks and the round trip.
    upcomingSize = full ? batchSize : 0;
    upcoming = applyThenTakeBatch(db, takeHeld(), upcomingSize);
    // Awaited by the next call or by `unwind`; until then a failure must not count as unhandled.
    upcoming.catch(() => undefined);
    if (full) {
      settingsAhead = loadSettings(db);
      settingsAhead.catch(() => undefined);
    }
    if (!sender) {
      await settleUpcoming();
      return { more: false };
    }
    const sendable: CitizenRequest[] = [];
    for (const item of batch) {
      const checked = recheckStored(item.request);
      if (checked.ok) sendable.push(checked.request);
      else await rejectLocally(db, item.id, item.request ? 'invalidStored' : 'noPersonalData', checked.errors);
    }
    if (sendable.length === 0) {
      if (!full) await settleUpcoming();
      return { more: full };
    }
    let results;
    try {
      ({ results } = await sender.push(sendable, signal));
    } catch (error) {
      if (error instanceof SyncError && error.status === 413) batchCeiling = Math.max(1, Math.floor(sendable.length / 2));
      throw error;
    }
    answered = { sent: { items: batch }, results, at: now() };
    if (!full) {
      await settleUpcoming();
      await flushHeld();
    }
    return { more: full };
  }

  /** Waits for the transaction started ahead (its answers written), as the drain ends. */
  async function settleUpcoming(): Promise<void> {
    const last = upcoming;
    upcoming = null;
    await last;
  }

  function takeHeld(): AnsweredBatch | null {
    const held = answered;
    answered = null;
    return held;
  }

  return (signal) => {
    const call = running.then(async () => {
      try {
        const result = await pushOne(signal);
        // Abandoned while it ran (the watchdog fired after the answer came): the machine has moved
        // on and may release the runner's lock, so nothing of this engine may stay held or in flight.
        if (signal.aborted) throw signal.reason;
        return result;
      } catch (error) {
        // No per-item answer: the batch (and the next one, taken early) go back to the queue, nothing is lost.
        await unwind(error instanceof SyncError ? error.reason : 'internal');
        throw error;
      }
    });
    running = call.catch(() => undefined);
    return call;
  };
}
