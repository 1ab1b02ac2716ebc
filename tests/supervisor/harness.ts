import { createActor, fromPromise, SimulatedClock, waitFor, type SnapshotFrom } from 'xstate';
import { DEFAULT_AUTO_LOCK_MS, supervisorMachine } from '../../src/machines/supervisorMachine';
import type { LockStateSnapshot, PinCheckOutcome, SavePinOutcome, SupervisorAuditAction } from '../../src/machines/supervisor/types';
import { createPinLock } from '../../src/supervisor/pinLock';
import { ShubbakDb } from '../../src/storage/db';
import { FakePlatform } from './fakes';

let dbCounter = 0;
export function freshDb(): ShubbakDb {
  dbCounter += 1;
  return new ShubbakDb(`supervisor-test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export interface AuditEntry {
  action: SupervisorAuditAction;
  detail: string | undefined;
}

/**
 * Starts the supervisor machine over the real PIN lock (fake-indexeddb + an in-memory secret
 * store) with simulated time. Starting a second one over the same db and platform is a restart.
 */
export async function startSupervisor(options: { db: ShubbakDb; platform: FakePlatform; clock: SimulatedClock; audits?: AuditEntry[] }) {
  const audits = options.audits ?? [];
  const now = () => options.clock.now();
  // The host counts failures on the same simulated clock.
  options.platform.clock = now;
  const pinLock = createPinLock({ db: options.db, platform: options.platform, now });
  const machine = supervisorMachine.provide({
    actors: {
      loadLockState: fromPromise<LockStateSnapshot>(() => pinLock.loadLockState()),
      checkPin: fromPromise<PinCheckOutcome, { pin: string }>(({ input }) => pinLock.checkPin(input.pin)),
      savePin: fromPromise<SavePinOutcome, { pin: string }>(({ input }) => pinLock.savePin(input.pin)),
    },
    actions: { audit: (_, { action }) => void audits.push({ action, detail: undefined }) },
  });
  const actor = createActor(machine, { clock: options.clock, input: { autoLockMs: DEFAULT_AUTO_LOCK_MS, now } });
  actor.start();
  await waitFor(actor, (s) => !s.matches('loading'));
  const settle = (predicate: (s: SnapshotFrom<typeof machine>) => boolean) => waitFor(actor, predicate, { timeout: 5_000 });
  return { actor, audits, pinLock, settle };
}

export async function givenPin(platform: FakePlatform, db: ShubbakDb, pin: string): Promise<void> {
  const lock = createPinLock({ db, platform, now: () => 0 });
  const saved = await lock.savePin(pin);
  if (!saved.ok) throw new Error('could not set the test PIN');
}

export function newClock(at = 1_700_000_000_000): SimulatedClock {
  const clock = new SimulatedClock();
  clock.set(at);
  return clock;
}
