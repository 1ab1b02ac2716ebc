import { SimulatedClock } from 'xstate';
import type { SecretName } from '../../../src/platform/types';
import type { ShubbakDb } from '../../../src/storage/db';
import type { StorageManagerLike } from '../../../src/storage/persistence';
import type { LockManagerLike } from '../../../src/sync/cycleLock';
import { startSyncService, type SyncService, type SyncStatus } from '../../../src/sync/syncService';
import { T0, freshDb } from '../../storage/support';
import { VALID_CODE, type FakeBackoffice } from './fakeBackoffice';

export const BACKOFFICE_URL = 'https://bo.example.ma';
export const WATCHDOG_MS = 60_000;

export interface TestKiosk {
  db: ShubbakDb;
  service: SyncService;
  clock: SimulatedClock;
  secrets: Map<SecretName, string>;
  /** Moves the kiosk's wall clock (Date.now as the engine reads it) without moving the timers, as a user or NTP does. */
  jumpClock(ms: number): void;
  /** Resolves with the first status that satisfies the predicate (the current one included). */
  until(predicate: (status: SyncStatus) => boolean): Promise<SyncStatus>;
}

/** A kiosk's sync engine on a simulated clock, talking to the fake back office. */
export async function startKiosk(
  backoffice: FakeBackoffice,
  options: {
    db?: ShubbakDb;
    secrets?: Map<SecretName, string>;
    locks?: LockManagerLike | null;
    window?: EventTarget | null;
    online?: () => boolean;
    storageManager?: StorageManagerLike | null;
    readSecret?: (name: SecretName) => Promise<string | null>;
  } = {},
): Promise<TestKiosk> {
  const db = options.db ?? freshDb();
  const secrets = options.secrets ?? new Map<SecretName, string>();
  const clock = new SimulatedClock();
  clock.set(T0);
  let skew = 0;
  const service = startSyncService({
    db,
    platform: {
      readSecret: options.readSecret ?? (async (name) => secrets.get(name) ?? null),
      writeSecret: async (name, value) => (secrets.set(name, value), { ok: true }),
    },
    fetch: backoffice.fetch,
    clock,
    now: () => clock.now() + skew,
    random: () => 0.5,
    locks: options.locks ?? null,
    storageManager: options.storageManager ?? null,
    window: options.window ?? null,
    document: null,
    isOnline: options.online ?? (() => true),
    setInterval: () => 0,
    clearInterval: () => undefined,
    // The transport's own timer is real time: far away, so the simulated watchdog is what fires.
    timing: { requestTimeoutMs: 3_600_000, watchdogMs: WATCHDOG_MS },
  });
  await service.ready;
  const until = (predicate: (status: SyncStatus) => boolean) =>
    new Promise<SyncStatus>((resolve) => {
      let done = false;
      let unsubscribe: (() => void) | null = null;
      unsubscribe = service.subscribe((status) => {
        if (done || !predicate(status)) return;
        done = true;
        resolve(status);
        unsubscribe?.();
      });
      if (done) unsubscribe();
    });
  const jumpClock = (ms: number) => {
    skew += ms;
  };
  return { db, service, clock, secrets, until, jumpClock };
}

export async function enrolledKiosk(backoffice: FakeBackoffice, options: Parameters<typeof startKiosk>[1] = {}): Promise<TestKiosk> {
  const kiosk = await startKiosk(backoffice, options);
  const outcome = await kiosk.service.enrol(BACKOFFICE_URL, VALID_CODE, 'Kiosk 1');
  if (!outcome.ok) throw new Error(`enrolment failed: ${outcome.reason}`);
  await kiosk.until((status) => status.phase === 'idle');
  return kiosk;
}

export const isIdleWith = (pending: number) => (status: SyncStatus) => status.phase === 'idle' && status.pendingCount === pending;
