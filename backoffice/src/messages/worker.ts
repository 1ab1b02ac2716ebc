import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { OutboxMessage, OutboxStore } from '../store/outboxTypes';
import { asDeliveryError } from './channels';
import type { OutboxDeliverers } from './deliverers';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retryPolicy';

export interface OutboxWorkerOptions {
  store: OutboxStore;
  deliverers: OutboxDeliverers;
  retry?: RetryPolicy;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Messages of a round sent at the same time (the SMTP pool's connections are shared by them). */
  concurrency?: number;
  /**
   * How long a claimed message stays this worker's. Longer than the slowest send (the adapters'
   * timeouts), so a live worker never loses a message it is still sending; after a crash, its
   * messages wait this long before another worker takes them.
   */
  leaseMs?: number;
  now?: () => Date;
  random?: () => number;
  /** One line per round that did something (`trouble`: something was retried, given up or could not run); never a recipient or a text. */
  log?: (line: string, trouble: boolean) => void;
}

export interface RoundResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

export interface OutboxWorker {
  readonly owner: string;
  /** Claims one batch of due messages and sends it. */
  runOnce(): Promise<RoundResult>;
  /** Rounds until nothing is due, then one every `intervalMs`, until stop(). */
  start(intervalMs: number): void;
  /** Stops after the round in flight: its sends finish and are marked, so a clean shutdown leaves no lease behind. */
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 120_000;

/**
 * Sends the outbox: claims due messages with a lease (so several workers, in one process or in
 * several instances, share the work), hands each to its kind's deliverer, and marks it sent,
 * rescheduled with backoff, or failed (a permanent error, or the attempt cap). At least once:
 * a message is marked sent only after the provider accepted it (docs/messages.md).
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const batchSize = options.batchSize ?? 50;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const { store } = options;

  async function settle(message: OutboxMessage, result: RoundResult): Promise<void> {
    const at = now().toISOString();
    // A message claimed more often than allowed (its sender kept crashing) is not sent again.
    if (message.attempts > retry.maxAttempts) {
      if (await store.markMessageFailed({ id: message.id, owner, error: message.lastError ?? 'attempts_exhausted', at })) result.failed++;
      return;
    }
    const deliverer = options.deliverers[message.kind];
    try {
      if (!deliverer) throw asDeliveryError(new Error(`no deliverer for ${message.kind}`));
      await deliverer.deliver(message);
    } catch (thrown) {
      const error = asDeliveryError(thrown);
      const code = deliverer ? error.code : 'no_deliverer';
      const failedAt = now();
      if (error.failure === 'permanent' || message.attempts >= retry.maxAttempts) {
        if (await store.markMessageFailed({ id: message.id, owner, error: code, at: failedAt.toISOString() })) result.failed++;
        return;
      }
      const nextAttemptAt = new Date(failedAt.getTime() + retryDelayMs(message.attempts, retry, random())).toISOString();
      if (await store.markMessageRetry({ id: message.id, owner, error: code, nextAttemptAt })) result.retried++;
      return;
    }
    if (await store.markMessageSent({ id: message.id, owner, at: now().toISOString() })) result.sent++;
  }

  async function runOnce(): Promise<RoundResult> {
    const start = now();
    const claimed = await store.claimDueMessages({
      owner,
      now: start.toISOString(),
      leaseUntil: new Date(start.getTime() + leaseMs).toISOString(),
      limit: batchSize,
    });
    const result: RoundResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
    let next = 0;
    const lanes = Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
      while (next < claimed.length) await settle(claimed[next++]!, result);
    });
    await Promise.all(lanes);
    if (claimed.length > 0) options.log?.(`messages: ${result.sent} sent, ${result.retried} to retry, ${result.failed} failed`, result.sent < claimed.length);
    return result;
  }

  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;

  async function loop(intervalMs: number): Promise<void> {
    while (!stopped) {
      let full = false;
      try {
        full = (await runOnce()).claimed === batchSize;
      } catch (error) {
        // The database is unreachable for a moment: the messages wait in it; try again next round.
        options.log?.(`messages: round failed (${error instanceof Error ? error.message : String(error)}); next try in ${intervalMs} ms`, true);
      }
      if (full || stopped) continue;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, intervalMs);
      });
      timer = null;
      wakeUp = null;
    }
  }

  return {
    owner,
    runOnce,
    start(intervalMs: number) {
      if (!stopped) return;
      stopped = false;
      running = loop(intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      (wakeUp as (() => void) | null)?.();
      await running;
      running = null;
    },
  };
}
