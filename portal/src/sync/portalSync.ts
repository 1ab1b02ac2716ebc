import { createActor, fromCallback, fromPromise } from 'xstate';
import { syncMachine } from '../../../src/machines/syncMachine';
import type { AuditStepResult, PullStepResult, SyncTrigger } from '../../../src/machines/sync/types';
import type { ShubbakDb } from '../../../src/storage/db';
import { countOutbox } from '../../../src/storage/outboxSupervision';
import { pendingSummary, requeueInFlight } from '../../../src/storage/outboxSync';
import { purgePersonalData } from '../../../src/storage/retention';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../../../src/sync/backoff';
import { createCycleLock, type LockManagerLike } from '../../../src/sync/cycleLock';
import { createPushPipeline } from '../../../src/sync/pushPipeline';
import { phaseOf, type SyncPhase } from '../../../src/sync/syncStatus';
import { SyncError } from '../../../src/sync/syncError';
import { createTransport, type FetchLike } from '../../../src/sync/transport';
import { readSession } from '../storage/sessionStore';
import { officeKey } from '../storage/portalDb';
import { readMeta } from '../../../src/storage/meta';
import type { CitizenRequest } from '../../../src/domain/request';
import type { PortalPushItem } from '../../../src/domain/portal/requests';

/** The portal's push route, relative to API_PREFIX: the kiosk's push body, the citizen's session token. */
export const PORTAL_PUSH_PATH = '/portal/requests';

/** What the portal's screens show of the outbox: how many requests wait, and whether the session must be renewed. */
export interface PortalSyncStatus {
  phase: SyncPhase;
  pendingCount: number;
  rejectedCount: number;
  /** The back office refused the session (expired, revoked): the requests wait until the citizen logs in again. */
  needsLogin: boolean;
}

export interface PortalSync {
  trigger(reason: SyncTrigger): void;
  /** After a login: the outbox may send again. */
  loggedIn(): void;
  subscribe(listener: (status: PortalSyncStatus) => void): () => void;
  stop(): void;
}

export interface PortalSyncDeps {
  db: ShubbakDb;
  /** The back office's origin (the portal is served by it). */
  origin: string;
  fetch?: FetchLike;
  now?: () => number;
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  isOnline?: () => boolean;
  locks?: LockManagerLike | null;
  backoff?: BackoffPolicy;
  /** How often a phone that is online but idle tries again (a lost `online` event is caught by it). */
  heartbeatMs?: number;
}

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The kiosk's sync engine (sync machine, push pipeline, outbox, transport), composed for the
 * portal: the same exactly-once push, over `/api/v1/portal/requests` with the session's Bearer
 * token. The portal has nothing to pull (its "my requests" asks the back office directly), no
 * catalogue cycle and no audit: those steps are empty. Requests sent are emptied of personal data
 * at the end of each cycle: the back office holds them, the phone is not an archive.
 */
export function startPortalSync(deps: PortalSyncDeps): PortalSync {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const fetchImpl: FetchLike = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const win = deps.window === undefined ? window : deps.window;
  const isOnline = deps.isOnline ?? (() => navigator.onLine !== false);
  const locks = deps.locks === undefined ? ((navigator.locks as unknown as LockManagerLike | undefined) ?? null) : deps.locks;
  const listeners = new Set<(status: PortalSyncStatus) => void>();
  let counts = { pendingCount: 0, rejectedCount: 0 };
  let stopped = false;

  async function transport() {
    const session = await readSession();
    if (!session) throw new SyncError('unauthorized', 'not logged in');
    return createTransport({ baseUrl: deps.origin, token: session.token, timeoutMs: REQUEST_TIMEOUT_MS, fetch: fetchImpl, now, pushPath: PORTAL_PUSH_PATH, pushItems: withOffices });
  }

  /** The portal's push item is `{ officeId, request }`: the office chosen for each request, kept beside it. */
  async function withOffices(requests: readonly CitizenRequest[]): Promise<PortalPushItem[]> {
    return Promise.all(requests.map(async (request) => ({ officeId: await readMeta<string>(db, officeKey(request.id), ''), request })));
  }

  const holdCycleLock = createCycleLock(locks);
  const machine = syncMachine.provide({
    actors: {
      cycleLock: fromCallback(({ sendBack }) =>
        holdCycleLock({ onAcquired: () => sendBack({ type: 'lock.acquired' }), onBusy: () => sendBack({ type: 'lock.busy' }) }),
      ),
      pushBatch: fromPromise(({ signal }) => pushBatch(signal)),
      pullChanges: fromPromise<PullStepResult>(async () => ({ more: false, resend: false })),
      refreshCatalogue: fromPromise(async () => undefined),
      pushAudit: fromPromise<AuditStepResult>(async () => ({ more: false })),
      finishCycle: fromPromise(async () => {
        await purgePersonalData(db, { retentionDays: 0, now: now() });
        return undefined;
      }),
    },
  });
  const pushBatch = createPushPipeline({ db, transport, now });

  const actor = createActor(machine, {
    input: {
      enrolled: false,
      heartbeatMs: deps.heartbeatMs ?? 60_000,
      watchdogMs: 60_000,
      backoff: deps.backoff ?? DEFAULT_BACKOFF,
      lastSuccessAt: null,
      now,
      random: Math.random,
      isOnline,
    },
  });

  function status(): PortalSyncStatus {
    const snapshot = actor.getSnapshot();
    const phase = phaseOf(snapshot);
    return { phase, ...counts, needsLogin: phase === 'paused' || phase === 'unconfigured' };
  }

  function notify(): void {
    if (stopped) return;
    const current = status();
    for (const listener of listeners) listener(current);
  }

  async function refreshCounts(): Promise<void> {
    try {
      const [pending, rejectedCount] = await Promise.all([pendingSummary(db), countOutbox(db, ['rejected'])]);
      counts = { pendingCount: pending.count, rejectedCount };
    } catch {
      // For display only: a failed read keeps the previous counts.
    }
    notify();
  }

  let lastPhase = '';
  actor.subscribe((snapshot) => {
    const phase = JSON.stringify(snapshot.value);
    if (phase === lastPhase) return;
    lastPhase = phase;
    void refreshCounts();
  });
  actor.start();

  const onOnline = () => trigger('online');
  const onOffline = () => actor.send({ type: 'connectivity.offline' });
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);

  function trigger(reason: SyncTrigger): void {
    actor.send({ type: 'sync.trigger', reason });
    if (reason === 'submission') void refreshCounts();
  }

  // A crash or a closed tab may have left a batch recorded in flight: it goes back to the queue,
  // and the back office answers `duplicate` if it had arrived (the request id is the idempotency key).
  void (async () => {
    await requeueInFlight(db, now()).catch(() => undefined);
    if ((await readSession().catch(() => null)) && !stopped) actor.send({ type: 'sync.enrolled' });
    else await refreshCounts();
  })();

  return {
    trigger,
    loggedIn: () => actor.send({ type: 'sync.enrolled' }),
    subscribe(listener) {
      listeners.add(listener);
      listener(status());
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('offline', onOffline);
      actor.stop();
      listeners.clear();
    },
  };
}
