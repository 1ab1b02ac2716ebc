import { createActor, fromCallback, fromPromise, SimulatedClock, waitFor, type SnapshotFrom } from 'xstate';
import { syncMachine } from '../../src/machines/syncMachine';
import type { AuditStepResult, PullStepResult, PushStepResult } from '../../src/machines/sync/types';
import { DEFAULT_BACKOFF } from '../../src/sync/backoff';

export const HEARTBEAT = 30_000;
export const WATCHDOG = 60_000;

type Step<T> = (signal: AbortSignal) => Promise<T>;

export interface FakeSteps {
  push: Step<PushStepResult>;
  pull: Step<PullStepResult>;
  catalogue: Step<undefined>;
  audit: Step<AuditStepResult>;
  finish: Step<undefined>;
  lock: 'acquired' | 'busy' | 'never';
}

/** Runs the real sync machine on a simulated clock with step actors the test controls; records the steps' order. */
export function syncHarness(options: { steps?: Partial<FakeSteps>; enrolled?: boolean; random?: () => number; online?: boolean } = {}) {
  const clock = new SimulatedClock();
  clock.set(1_000_000);
  const log: string[] = [];
  const steps: FakeSteps = {
    push: async () => ({ more: false }),
    pull: async () => ({ more: false, resend: false }),
    catalogue: async () => undefined,
    audit: async () => ({ more: false }),
    finish: async () => undefined,
    lock: 'acquired',
    ...options.steps,
  };
  const recorded = <T>(name: string, step: () => Step<T>) =>
    fromPromise<T>(({ signal }) => {
      log.push(name);
      return step()(signal);
    });
  const machine = syncMachine.provide({
    actors: {
      cycleLock: fromCallback(({ sendBack }) => {
        log.push('lock');
        if (steps.lock === 'acquired') sendBack({ type: 'lock.acquired' });
        if (steps.lock === 'busy') sendBack({ type: 'lock.busy' });
        return () => log.push('unlock');
      }),
      pushBatch: recorded('push', () => steps.push),
      pullChanges: recorded('pull', () => steps.pull),
      refreshCatalogue: recorded('catalogue', () => steps.catalogue),
      pushAudit: recorded('audit', () => steps.audit),
      finishCycle: recorded('finish', () => steps.finish),
    },
  });
  const actor = createActor(machine, {
    clock,
    input: {
      enrolled: options.enrolled ?? true,
      heartbeatMs: HEARTBEAT,
      watchdogMs: WATCHDOG,
      backoff: DEFAULT_BACKOFF,
      lastSuccessAt: null,
      now: () => clock.now(),
      random: options.random ?? (() => 0.5),
      isOnline: () => options.online ?? true,
    },
  });
  const settle = (predicate: (snapshot: SnapshotFrom<typeof machine>) => boolean) => waitFor(actor, predicate);
  return { actor, clock, log, steps, settle };
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Polling patience for states reached asynchronously: generous, so a loaded machine does not fail a test. */
export const PATIENCE = { timeout: 15_000, interval: 10 } as const;
