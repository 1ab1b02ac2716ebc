import { benchRequest } from '../../backoffice/src/bench/benchRequests';
import { backoffDelay } from '../../src/sync/backoff';
import { SyncError, needsPerson, type SyncErrorReason } from '../../src/sync/syncError';
import { createTransport, type FetchLike, type Transport } from '../../src/sync/transport';
import type { CitizenRequest } from '../../src/domain/request';
import { MAX_PUSH_BATCH } from '../../src/domain/syncProtocol';

/** What every simulated kiosk reports into, shared by the fleet. */
export interface FleetTally {
  pushLatenciesMs: number[];
  /** When each push of `pushLatenciesMs` started (performance.now()), in the same order. */
  pushStartedAtMs: number[];
  /** The back office's own time for each push answered (its Server-Timing header), with when the push started. */
  serverPushMs: number[];
  serverPushStartedAtMs: number[];
  /** Failed calls by the sync engine's own reasons (and refused items by outcome). */
  errors: Partial<Record<SyncErrorReason | 'refused', number>>;
  pushes: number;
  /** Requests made by the fleet's citizens (the offered load, which the back office's latency does not slow). */
  requestsArrived: number;
  pulls: number;
  /** Server 5xx answers (SyncError 'server'). */
  serverErrors: number;
}

export interface KioskIdentity {
  deviceId: string;
  officeId: string;
  trackingPrefix: string;
  token: string;
}

export interface FleetPace {
  /** Mean time between two of a kiosk's pushes (each push follows new citizens' requests). */
  meanPushIntervalMs: number;
  pullIntervalMs: number;
  /** Until when new requests are made; then the kiosk drains its outbox and pulls a last time. */
  loadUntil: number;
  /** The drain stops here whatever is left (the fleet then reports it as unsent). */
  drainUntil: number;
}

const REQUEST_TIMEOUT_MS = 20_000;
const PULL_LIMIT = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Node's fetch refuses the browser's `cache` modes; the transport's call is otherwise unchanged.
 * A push's answer also gives the back office's own time (Server-Timing) to the tally.
 */
function nodeFetch(tally: FleetTally): FetchLike {
  return async (input, init) => {
    const { cache: _cache, ...rest } = init;
    const started = performance.now();
    const response = await fetch(input, rest);
    const serverMs = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1];
    if (serverMs !== undefined && input.endsWith('/requests/push')) {
      tally.serverPushMs.push(Number(serverMs));
      tally.serverPushStartedAtMs.push(started);
    }
    return response;
  };
}

/**
 * One kiosk of the fleet, with the real transport (timeouts, SyncError reasons, schema-checked
 * answers) and the real engine's retry policy (backoffDelay with full jitter, Retry-After as a
 * floor): citizens' requests arrive at a jittered pace, each push sends the whole outbox, and
 * the change feed is pulled every 30 s with the protocol's cursor rule.
 */
export class SimKiosk {
  /** Acknowledged request ids, with their tracking codes (for the staff who move them on). */
  readonly acknowledged = new Map<string, string>();
  readonly seenSeqs = new Set<number>();
  private readonly transport: Transport;
  private outbox: CitizenRequest[] = [];
  private nextSeq = 1;
  private cursor = 0;

  constructor(
    readonly identity: KioskIdentity,
    baseUrl: string,
    private readonly tally: FleetTally,
  ) {
    this.transport = createTransport({ baseUrl, token: identity.token, timeoutMs: REQUEST_TIMEOUT_MS, fetch: nodeFetch(tally) });
  }

  get unsent(): number {
    return this.outbox.length;
  }

  /** Citizens arrive, the kiosk pushes and pulls, until the load ends and the outbox is drained (or the drain time is up). */
  async run(pace: FleetPace): Promise<void> {
    await Promise.all([this.arrivals(pace), this.pushLoop(pace), this.pullLoop(pace)]);
  }

  /** The last pull, once every kiosk has stopped pushing: the feed must then hold every change. */
  finalPull(until: number): Promise<void> {
    return this.pullAll(until);
  }

  /**
   * Citizens arrive on their own clock, whatever the back office's latency: a slow answer makes the
   * next push carry more, as at a real kiosk, instead of slowing the arrivals down (a closed loop
   * would hide the server's slowness behind a lower offered load).
   */
  private async arrivals(pace: FleetPace): Promise<void> {
    // Kiosks do not start in step: the first citizens come at a random point of the first interval.
    await sleep(Math.random() * pace.meanPushIntervalMs);
    while (Date.now() < pace.loadUntil) {
      const citizens = 1 + Math.floor(Math.random() * 3);
      const now = new Date().toISOString();
      for (let i = 0; i < citizens; i++) this.outbox.push(benchRequest(this.identity.trackingPrefix, this.nextSeq++, now));
      this.tally.requestsArrived += citizens;
      this.wake?.();
      await sleep(pace.meanPushIntervalMs * (0.5 + Math.random()));
    }
  }

  /** As the sync engine: one push at a time, sending the whole outbox, as soon as there is something to send. */
  private async pushLoop(pace: FleetPace): Promise<void> {
    while (Date.now() < pace.loadUntil || (this.outbox.length > 0 && Date.now() < pace.drainUntil)) {
      if (this.outbox.length === 0) await this.nextArrival(pace.loadUntil);
      else if ((await this.pushWithRetries(pace.drainUntil)) === 'waitsForPerson') return;
    }
  }

  private wake: (() => void) | null = null;

  /** Resolves when citizens arrive, or at `until`. */
  private nextArrival(until: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), Math.max(0, until - Date.now()));
      this.wake = () => {
        this.wake = null;
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async pushWithRetries(until: number): Promise<'sent' | 'waitsForPerson'> {
    for (let attempt = 1; this.outbox.length > 0 && Date.now() < until; attempt++) {
      const batch = this.outbox.slice(0, MAX_PUSH_BATCH);
      const started = performance.now();
      try {
        const { results } = await this.transport.push(batch);
        this.record(started);
        this.tally.pushes++;
        const done = new Set<string>();
        const codes = new Map(batch.map((request) => [request.id, request.trackingCode]));
        for (const result of results) {
          if (result.outcome === 'accepted' || result.outcome === 'duplicate') {
            if (result.id) this.acknowledged.set(result.id, codes.get(result.id) ?? '');
          } else this.count('refused');
          if (result.id) done.add(result.id);
        }
        // Refused items leave the outbox too (the real kiosk keeps them aside for a supervisor).
        this.outbox = this.outbox.filter((request) => !done.has(request.id));
        return 'sent';
      } catch (error) {
        this.record(started);
        if (!(error instanceof SyncError)) throw error;
        this.count(error.reason);
        if (needsPerson(error.reason)) return 'waitsForPerson';
        await sleep(Math.min(backoffDelay(attempt, Math.random, error.retryAfterMs), until - Date.now()));
      }
    }
    return 'sent';
  }

  private record(started: number): void {
    this.tally.pushLatenciesMs.push(performance.now() - started);
    this.tally.pushStartedAtMs.push(started);
  }

  private async pullLoop(pace: FleetPace): Promise<void> {
    await sleep(Math.random() * pace.pullIntervalMs);
    while (Date.now() < pace.loadUntil) {
      await this.pullAll(pace.drainUntil);
      await sleep(pace.pullIntervalMs);
    }
  }

  /** Reads the feed until `more` is false, keeping the cursor the server hands back. */
  private async pullAll(until: number): Promise<void> {
    for (let attempt = 1; Date.now() < until; ) {
      try {
        const page = await this.transport.changes(this.cursor, PULL_LIMIT);
        this.tally.pulls++;
        for (const change of page.changes) this.seenSeqs.add(change.seq);
        this.cursor = page.cursor;
        if (!page.more) return;
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
        this.count(error.reason);
        if (needsPerson(error.reason)) return;
        await sleep(Math.min(backoffDelay(attempt++, Math.random, error.retryAfterMs), until - Date.now()));
      }
    }
  }

  private count(reason: SyncErrorReason | 'refused'): void {
    this.tally.errors[reason] = (this.tally.errors[reason] ?? 0) + 1;
    if (reason === 'server') this.tally.serverErrors++;
  }
}
