import { backofficeUrlProblem, SECURE_ONLY, type BackofficeUrlPolicy } from '../domain/backofficeUrl';
import { createActor, fromCallback, fromPromise, type ActorOptions } from 'xstate';
import { syncMachine } from '../machines/syncMachine';
import { toSyncFailure, type SyncFailure, type SyncTrigger } from '../machines/sync/types';
import type { KioskPlatform } from '../platform/types';
import type { ShubbakDb } from '../storage/db';
import { readEnrolment } from '../storage/enrolment';
import { META_KEYS, readMeta, type StorageErrorRecord } from '../storage/meta';
import { countOutbox } from '../storage/outboxSupervision';
import { askPersistentStorage, type StorageManagerLike } from '../storage/persistence';
import { pendingSummary, requeueInFlight } from '../storage/outboxSync';
import { loadSettings } from '../storage/settings';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { createCycleLock, SYNC_LOCK_NAME, type LockManagerLike } from './cycleLock';
import type { PromptRecordingsDb } from '../storage/promptRecordings';
import { createCycleSteps } from './cycleSteps';
import { freeStorageFrom, type HeartbeatFacts } from './heartbeat';
import type { PrinterState } from '../domain/heartbeat';
import { enrolKiosk, type EnrolOutcome } from './enrol';
import { SyncError } from './syncError';
import { statusBeforeStart, statusOf, type StoredCounts, type SyncStatus } from './syncStatus';
import { createTransport, type FetchLike, type Transport } from './transport';
import { startWakeDetector } from './wakeDetector';

export type { SyncStatus } from './syncStatus';
export type { EnrolOutcome } from './enrol';

/** Timings of the engine. Defaults suit a kiosk; fault-injection tests shorten them. */
export interface SyncTiming {
  /** One HTTP call, answer included. */
  requestTimeoutMs: number;
  /** A step without progress for this long is abandoned (must exceed requestTimeoutMs). */
  watchdogMs: number;
  backoff: BackoffPolicy;
  /** Period of the sleep detector's timer. */
  wakeCheckMs: number;
}

export const DEFAULT_TIMING: SyncTiming = { requestTimeoutMs: 20_000, watchdogMs: 60_000, backoff: DEFAULT_BACKOFF, wakeCheckMs: 15_000 };

export interface SyncServiceDeps {
  db: ShubbakDb;
  /** The office's prompt recordings, pulled with the catalogue. */
  recordings?: PromptRecordingsDb;
  platform: Pick<KioskPlatform, 'readSecret' | 'writeSecret'>;
  now?: () => number;
  random?: () => number;
  fetch?: FetchLike;
  timing?: Partial<SyncTiming>;
  /** XState clock for the machine's delays (tests pass a SimulatedClock). */
  clock?: ActorOptions<typeof syncMachine>['clock'];
  /** navigator.locks by default; null runs without the single-runner lock. */
  locks?: LockManagerLike | null;
  /** Where `online` / `offline` are heard (window by default) and `visibilitychange` (document). */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> | null;
  isOnline?: () => boolean;
  /** navigator.storage by default: asked once at start to keep the outbox from eviction. */
  storageManager?: StorageManagerLike | null;
  /** Interval timers of the wake detector (globals by default). */
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** From the operator's kiosk-config.json; plain http:// only to this machine by default. */
  backofficePolicy?: BackofficeUrlPolicy;
  /** The app's version for the heartbeat (the platform's, in the app). */
  appVersion?: () => Promise<string>;
  /** How the last print went, for the heartbeat; `unknown` when not given. */
  printerState?: () => PrinterState;
}

export interface SyncService {
  trigger(reason: SyncTrigger): void;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  getStatus(): SyncStatus;
  enrol(backofficeUrl: string, code: string, kioskLabel: string): Promise<EnrolOutcome>;
  isEnrolled(): Promise<boolean>;
  /** Resolves once start-up (crash recovery, reading settings) is done and the loop runs. */
  ready: Promise<void>;
  stop(): void;
}

const browserLocks = (): LockManagerLike | null =>
  typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? (navigator.locks as unknown as LockManagerLike) : null;

/**
 * The kiosk's sync engine: composition root of the sync machine, its steps, the transport,
 * the triggers (submission, online, heartbeat, supervisor, wake, start) and the status the
 * supervisor dashboard shows. One per renderer; Web Locks make one runner per kiosk.
 */
export function startSyncService(deps: SyncServiceDeps): SyncService {
  const { db, platform } = deps;
  const backofficePolicy = deps.backofficePolicy ?? SECURE_ONLY;
  const now = deps.now ?? Date.now;
  const timing: SyncTiming = { ...DEFAULT_TIMING, ...deps.timing };
  const fetchImpl: FetchLike = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const locks = deps.locks === undefined ? browserLocks() : deps.locks;
  const win = deps.window === undefined ? (typeof window === 'undefined' ? null : window) : deps.window;
  const doc = deps.document === undefined ? (typeof document === 'undefined' ? null : document) : deps.document;
  const isOnline = deps.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));

  let token: string | null = null;
  let enrolled = false;
  let stopped = false;
  let counts: StoredCounts = { pendingCount: 0, oldestPendingCreatedAt: null, rejectedCount: 0, storageError: null, persistentStorage: null };
  let persistentStorage: boolean | null = null;
  let startFailure: SyncFailure | null = null;
  const listeners = new Set<(status: SyncStatus) => void>();
  const cleanups: Array<() => void> = [];

  async function transport(): Promise<Transport> {
    const { backofficeUrl } = await loadSettings(db);
    token ??= await platform.readSecret('deviceToken');
    if (!backofficeUrl || !token) throw new SyncError('unauthorized', 'kiosk not enrolled');
    // Last wall: settings written before this rule, or by hand, never send data over plain http elsewhere.
    if (backofficeUrlProblem(backofficeUrl, backofficePolicy) !== null) throw new SyncError('forbidden', 'plain http:// back office refused');
    return createTransport({ baseUrl: backofficeUrl, token, timeoutMs: timing.requestTimeoutMs, fetch: fetchImpl, now });
  }

  const heartbeatFacts: HeartbeatFacts = {
    appVersion: deps.appVersion ?? (async () => 'unknown'),
    printer: deps.printerState ?? (() => 'unknown'),
    freeStorageBytes: () => freeStorageFrom(deps.storageManager === undefined ? (typeof navigator === 'undefined' ? null : navigator.storage) : deps.storageManager),
    lastError: () => actor?.getSnapshot().context.lastError ?? null,
  };
  const steps = createCycleSteps({ db, transport, now, heartbeatFacts, recordings: deps.recordings });
  const holdCycleLock = createCycleLock(locks);
  const machine = syncMachine.provide({
    actors: {
      cycleLock: fromCallback(({ sendBack }) =>
        holdCycleLock({ onAcquired: () => sendBack({ type: 'lock.acquired' }), onBusy: () => sendBack({ type: 'lock.busy' }) }),
      ),
      pushBatch: fromPromise(({ signal }) => steps.pushBatch(signal)),
      pullChanges: fromPromise(({ signal }) => steps.pullChanges(signal)),
      refreshCatalogue: fromPromise(({ signal }) => steps.refreshCatalogue(signal)),
      pushAudit: fromPromise(({ signal }) => steps.pushAudit(signal)),
      finishCycle: fromPromise(({ signal }) => steps.finishCycle(signal)),
    },
  });

  let actor: ReturnType<typeof createActor<typeof machine>> | null = null;

  function getStatus(): SyncStatus {
    if (!actor) {
      return statusBeforeStart(stopped || startFailure ? 'stopped' : 'starting', counts, enrolled, startFailure);
    }
    return statusOf(actor.getSnapshot(), counts, enrolled, now());
  }

  function notify(): void {
    const status = getStatus();
    for (const listener of listeners) listener(status);
  }

  async function refreshCounts(): Promise<void> {
    try {
      const [pending, rejectedCount, storageError] = await Promise.all([
        pendingSummary(db),
        countOutbox(db, ['rejected']),
        readMeta<StorageErrorRecord | null>(db, META_KEYS.lastStorageError, null),
      ]);
      counts = { pendingCount: pending.count, oldestPendingCreatedAt: pending.oldestCreatedAt, rejectedCount, storageError, persistentStorage };
    } catch {
      // The counts are for display: a failed read keeps the previous ones.
    }
    if (!stopped) notify();
  }

  async function start(): Promise<void> {
    const storageManager = deps.storageManager === undefined ? (typeof navigator === 'undefined' ? null : navigator.storage) : deps.storageManager;
    persistentStorage = await askPersistentStorage(storageManager);
    await requeueLeftInFlight();
    const [settings, lastSuccessAt] = await Promise.all([loadSettings(db), readMeta<number | null>(db, META_KEYS.lastSyncSuccessAt, null)]);
    token = await platform.readSecret('deviceToken');
    enrolled = token !== null && (await readEnrolment(db)) !== null && settings.backofficeUrl !== '';
    if (stopped) return;
    actor = createActor(machine, {
      // Only when given: XState spreads the options over its defaults, so `clock: undefined` would erase the real clock.
      ...(deps.clock ? { clock: deps.clock } : {}),
      input: {
        enrolled,
        heartbeatMs: settings.heartbeatSeconds * 1000,
        watchdogMs: timing.watchdogMs,
        backoff: timing.backoff,
        lastSuccessAt,
        now,
        random: deps.random ?? Math.random,
        isOnline,
      },
    });
    let lastPhase = '';
    actor.subscribe((snapshot) => {
      const phase = JSON.stringify(snapshot.value);
      if (phase === lastPhase) return notify();
      lastPhase = phase;
      if (snapshot.matches('unconfigured') || snapshot.matches('idle') || snapshot.matches('paused')) void applyFreshSettings();
      // Starting a cycle changes no count, and counting a 10,000-item backlog then would hold up
      // the first batch (IndexedDB counts row by row); the counts are read again when the push ends.
      if (snapshot.matches({ syncing: 'locking' }) || snapshot.matches({ syncing: 'pushing' })) return notify();
      void refreshCounts();
    });
    actor.start();
    listenForTriggers();
    await refreshCounts();
  }

  /**
   * After a crash, what was on the wire goes back to the queue at once, so staff do not see it as
   * `sending` while the kiosk is offline; but only when no window holds the sync lock, since a
   * running window's batches are really on the wire. (Each drain also starts with this, under the lock.)
   */
  async function requeueLeftInFlight(): Promise<void> {
    if (!locks) {
      await requeueInFlight(db, now());
      return;
    }
    await locks
      .request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) => {
        if (lock !== null) await requeueInFlight(db, now());
      })
      .catch(() => undefined);
  }

  /** A supervisor may change the heartbeat: it takes effect from the next wait. */
  async function applyFreshSettings(): Promise<void> {
    const { heartbeatSeconds } = await loadSettings(db);
    actor?.send({ type: 'sync.settings', heartbeatMs: heartbeatSeconds * 1000 });
  }

  function listenForTriggers(): void {
    const onOnline = () => trigger('online');
    const onOffline = () => actor?.send({ type: 'connectivity.offline' });
    win?.addEventListener('online', onOnline);
    win?.addEventListener('offline', onOffline);
    cleanups.push(() => {
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('offline', onOffline);
    });
    cleanups.push(
      startWakeDetector({
        now,
        intervalMs: timing.wakeCheckMs,
        setInterval: deps.setInterval ?? ((callback, ms) => globalThis.setInterval(callback, ms)),
        clearInterval: deps.clearInterval ?? ((handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>)),
        document: doc,
        onWake: () => trigger('wake'),
      }),
    );
  }

  function trigger(reason: SyncTrigger): void {
    actor?.send({ type: 'sync.trigger', reason });
    if (reason === 'submission') void refreshCounts();
  }

  // A start-up that fails (storage unreadable, secret store down) is shown, not thrown into the void.
  const ready = start().catch((error: unknown) => {
    startFailure = toSyncFailure(error, now());
    notify();
  });

  return {
    trigger,
    subscribe(listener) {
      listeners.add(listener);
      listener(getStatus());
      return () => listeners.delete(listener);
    },
    getStatus,
    async enrol(backofficeUrl, code, kioskLabel) {
      await ready;
      const { outcome, deviceToken } = await enrolKiosk({ db, platform, fetch: fetchImpl, timeoutMs: timing.requestTimeoutMs, now, backofficePolicy }, { backofficeUrl, code, kioskLabel });
      if (outcome.ok) {
        token = deviceToken;
        enrolled = true;
        actor?.send({ type: 'sync.enrolled' });
      }
      return outcome;
    },
    async isEnrolled() {
      const [secret, enrolment, settings] = await Promise.all([platform.readSecret('deviceToken'), readEnrolment(db), loadSettings(db)]);
      return secret !== null && enrolment !== null && settings.backofficeUrl !== '';
    },
    ready,
    stop() {
      stopped = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
      actor?.stop();
      listeners.clear();
    },
  };
}
