import { assign, fromCallback, fromPromise, setup, type EventObject } from 'xstate';
import { backoffDelay } from '../sync/backoff';
import { needsPerson } from '../sync/syncError';
import {
  isUrgentTrigger,
  toSyncFailure,
  type AuditStepResult,
  type PullStepResult,
  type PushStepResult,
  type SyncContext,
  type SyncEvent,
  type SyncFailure,
  type SyncMachineInput,
} from './sync/types';

/**
 * The sync loop of one kiosk.
 *
 * unconfigured ──enrolled──► syncing ──done──► idle ──heartbeat / trigger──► syncing
 *                              │ error                 ▲
 *                              ├──► backoff ──delay / urgent trigger──┘
 *                              ├──► offline ──online / heartbeat──────┘
 *                              └──► paused (401, 403, 426: a person must act; nothing is dropped)
 *
 * A cycle: locking (one runner per kiosk) → pushing (batch after batch) → pulling (page after
 * page) → catalogue → audit → finishing (retention purge). Each step is an actor provided by
 * the composition root (src/sync/syncService.ts); each batch or page re-enters its state, so the
 * watchdog measures progress, not the length of a long drain.
 */

function notProvided(name: string): never {
  throw new Error(`${name} is provided by the composition root (syncMachine.provide)`);
}

/** Where a failed step leads: a person, the offline wait, or a backoff; the batch in flight is released by the step itself. */
const stepFailed = [
  { guard: 'needsPerson', target: '#sync.paused', actions: 'recordPause' },
  { guard: 'browserOffline', target: '#sync.offline', actions: 'recordOffline' },
  { target: '#sync.backoff', actions: 'recordFailure' },
] as const;

const failure = (context: SyncContext, error: unknown): SyncFailure => toSyncFailure(error, context.now());

export const syncMachine = setup({
  types: {
    context: {} as SyncContext,
    events: {} as SyncEvent,
    input: {} as SyncMachineInput,
  },
  actors: {
    /** Holds the kiosk-wide sync lock while the cycle runs; answers `lock.acquired` or `lock.busy`. */
    cycleLock: fromCallback<EventObject>(() => notProvided('cycleLock')),
    pushBatch: fromPromise<PushStepResult>(async () => notProvided('pushBatch')),
    pullChanges: fromPromise<PullStepResult>(async () => notProvided('pullChanges')),
    refreshCatalogue: fromPromise<undefined>(async () => notProvided('refreshCatalogue')),
    pushAudit: fromPromise<AuditStepResult>(async () => notProvided('pushAudit')),
    finishCycle: fromPromise<undefined>(async () => notProvided('finishCycle')),
  },
  delays: {
    heartbeat: ({ context }) => context.heartbeatMs,
    retryDelay: ({ context }) => context.retryDelayMs,
    watchdog: ({ context }) => context.watchdogMs,
  },
  guards: {
    urgentTrigger: ({ event }) => event.type === 'sync.trigger' && isUrgentTrigger(event.reason),
    needsPerson: ({ context, event }) => 'error' in event && needsPerson(failure(context, event.error).reason),
    browserOffline: ({ context, event }) => 'error' in event && failure(context, event.error).reason === 'network' && !context.isOnline(),
    rerunRequested: ({ context }) => context.rerun,
  },
  actions: {
    recordFailure: assign(({ context, event }) => {
      const lastError = 'error' in event ? failure(context, event.error) : context.lastError;
      const failures = context.failures + 1;
      const retryDelayMs = backoffDelay(failures, context.random, lastError?.retryAfterMs ?? null, context.backoff);
      return { lastError, failures, retryDelayMs, nextAttemptAt: context.now() + retryDelayMs };
    }),
    recordStall: assign(({ context }) => {
      const failures = context.failures + 1;
      const retryDelayMs = backoffDelay(failures, context.random, null, context.backoff);
      const lastError: SyncFailure = { reason: 'watchdog', message: `no progress for ${context.watchdogMs} ms`, at: context.now(), retryAfterMs: null };
      return { lastError, failures, retryDelayMs, nextAttemptAt: context.now() + retryDelayMs };
    }),
    recordPause: assign(({ context, event }) => ({
      lastError: 'error' in event ? failure(context, event.error) : context.lastError,
      nextAttemptAt: null,
    })),
    recordOffline: assign(({ context, event }) => ({
      lastError: 'error' in event ? failure(context, event.error) : context.lastError,
      nextAttemptAt: context.now() + context.heartbeatMs,
    })),
    recordSuccess: assign(({ context }) => ({ failures: 0, lastError: null, lastSuccessAt: context.now() })),
    scheduleHeartbeat: assign(({ context }) => ({ nextAttemptAt: context.now() + context.heartbeatMs })),
    clearSchedule: assign({ nextAttemptAt: null, rerun: false }),
    requestRerun: assign({ rerun: true }),
    applySettings: assign(({ event }) => (event.type === 'sync.settings' ? { heartbeatMs: event.heartbeatMs } : {})),
  },
}).createMachine({
  id: 'sync',
  context: ({ input }) => ({ ...input, failures: 0, retryDelayMs: 0, nextAttemptAt: null, lastError: null, rerun: false }),
  initial: 'starting',
  on: {
    'sync.settings': { actions: 'applySettings' },
  },
  states: {
    starting: {
      always: [{ guard: ({ context }) => context.enrolled, target: 'syncing' }, { target: 'unconfigured' }],
    },
    unconfigured: {
      on: { 'sync.enrolled': 'syncing' },
    },
    idle: {
      entry: 'scheduleHeartbeat',
      after: { heartbeat: 'syncing' },
      on: {
        'sync.trigger': 'syncing',
        'sync.enrolled': 'syncing',
        'connectivity.offline': 'offline',
      },
    },
    backoff: {
      after: { retryDelay: 'syncing' },
      on: {
        'sync.trigger': { guard: 'urgentTrigger', target: 'syncing' },
        'sync.enrolled': 'syncing',
        'connectivity.offline': 'offline',
      },
    },
    offline: {
      entry: assign(({ context }) => ({ nextAttemptAt: context.now() + context.heartbeatMs })),
      // navigator.onLine can be wrong both ways: try again at the heartbeat even without an `online` event.
      after: { heartbeat: 'syncing' },
      on: {
        'sync.trigger': { guard: 'urgentTrigger', target: 'syncing' },
        'sync.enrolled': 'syncing',
      },
    },
    paused: {
      on: {
        'sync.enrolled': 'syncing',
        'sync.trigger': { guard: ({ event }) => event.reason === 'manual', target: 'syncing' },
      },
    },
    syncing: {
      entry: 'clearSchedule',
      invoke: { src: 'cycleLock' },
      on: { 'sync.trigger': { actions: 'requestRerun' } },
      initial: 'locking',
      states: {
        locking: {
          on: { 'lock.acquired': 'pushing', 'lock.busy': '#sync.idle' },
          after: { watchdog: { target: '#sync.backoff', actions: 'recordStall' } },
        },
        pushing: {
          invoke: {
            src: 'pushBatch',
            onDone: [{ guard: ({ event }) => event.output.more, target: 'pushing', reenter: true }, { target: 'pulling' }],
            onError: stepFailed,
          },
          after: { watchdog: { target: '#sync.backoff', actions: 'recordStall' } },
        },
        pulling: {
          invoke: {
            src: 'pullChanges',
            onDone: [
              { guard: ({ event }) => event.output.resend, target: 'pushing' },
              { guard: ({ event }) => event.output.more, target: 'pulling', reenter: true },
              { target: 'catalogue' },
            ],
            onError: stepFailed,
          },
          after: { watchdog: { target: '#sync.backoff', actions: 'recordStall' } },
        },
        catalogue: {
          invoke: { src: 'refreshCatalogue', onDone: 'audit', onError: stepFailed },
          after: { watchdog: { target: '#sync.backoff', actions: 'recordStall' } },
        },
        audit: {
          invoke: {
            src: 'pushAudit',
            onDone: [{ guard: ({ event }) => event.output.more, target: 'audit', reenter: true }, { target: 'finishing' }],
            onError: stepFailed,
          },
          after: { watchdog: { target: '#sync.backoff', actions: 'recordStall' } },
        },
        finishing: {
          invoke: { src: 'finishCycle', onDone: '#sync.cycleDone', onError: stepFailed },
          after: { watchdog: { target: '#sync.backoff', actions: 'recordStall' } },
        },
      },
    },
    cycleDone: {
      entry: 'recordSuccess',
      always: [{ guard: 'rerunRequested', target: 'syncing' }, { target: 'idle' }],
    },
  },
});
