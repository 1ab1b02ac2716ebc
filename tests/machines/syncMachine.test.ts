import { describe, expect, it, vi } from 'vitest';
import { SyncError, type SyncErrorReason } from '../../src/sync/syncError';
import { HEARTBEAT, PATIENCE, WATCHDOG, deferred, syncHarness } from './syncMachine.support';

// Each test drives the engine through many IndexedDB transactions: give a loaded CI machine room.
vi.setConfig({ testTimeout: 30_000 });

const CYCLE = ['lock', 'push', 'pull', 'catalogue', 'audit', 'finish', 'unlock'];

describe('the sync machine', () => {
  it('runs a whole cycle at start when enrolled, in order, then waits for the heartbeat', async () => {
    const { actor, clock, log, settle } = syncHarness();
    actor.start();
    const idle = await settle((s) => s.matches('idle'));
    expect(log).toEqual(CYCLE);
    expect(idle.context).toMatchObject({ lastSuccessAt: clock.now(), lastError: null, nextAttemptAt: clock.now() + HEARTBEAT });
  });

  it('waits unconfigured until the kiosk is enrolled', async () => {
    const { actor, log, settle } = syncHarness({ enrolled: false });
    actor.start();
    expect(actor.getSnapshot().value).toBe('unconfigured');
    actor.send({ type: 'sync.trigger', reason: 'manual' });
    expect(log).toEqual([]);
    actor.send({ type: 'sync.enrolled' });
    await settle((s) => s.matches('idle'));
    expect(log).toEqual(CYCLE);
  });

  it('pushes batch after batch until nothing is queued, and pulls page after page until no more', async () => {
    const pushes = [true, true, false];
    const pulls = [true, false];
    const { actor, log, settle } = syncHarness({
      steps: { push: async () => ({ more: pushes.shift() ?? false }), pull: async () => ({ more: pulls.shift() ?? false, resend: false }) },
    });
    actor.start();
    await settle((s) => s.matches('idle'));
    expect(log).toEqual(['lock', 'push', 'push', 'push', 'pull', 'pull', 'catalogue', 'audit', 'finish', 'unlock']);
  });

  it('pushes again when the pull found a back office restored from an older backup', async () => {
    const pulls = [{ more: true, resend: true }];
    const { actor, log, settle } = syncHarness({ steps: { pull: async () => pulls.shift() ?? { more: false, resend: false } } });
    actor.start();
    await settle((s) => s.matches('idle'));
    expect(log).toEqual(['lock', 'push', 'pull', 'push', 'pull', 'catalogue', 'audit', 'finish', 'unlock']);
  });

  it('syncs again at each heartbeat and at once on a trigger', async () => {
    const { actor, clock, log, settle } = syncHarness();
    actor.start();
    await settle((s) => s.matches('idle'));
    log.length = 0;
    clock.increment(HEARTBEAT - 1);
    expect(log).toEqual([]);
    clock.increment(1);
    await settle((s) => s.matches('idle'));
    expect(log).toEqual(CYCLE);
    log.length = 0;
    actor.send({ type: 'sync.trigger', reason: 'submission' });
    await settle((s) => s.matches('idle'));
    expect(log).toEqual(CYCLE);
  });

  it('runs one more cycle when a trigger arrives during a cycle', async () => {
    const gate = deferred<{ more: boolean; resend: boolean }>();
    const pulls = [() => gate.promise];
    const { actor, log, settle } = syncHarness({ steps: { pull: () => (pulls.shift() ?? (async () => ({ more: false, resend: false })))() } });
    actor.start();
    await settle((s) => s.matches({ syncing: 'pulling' }));
    actor.send({ type: 'sync.trigger', reason: 'submission' });
    gate.resolve({ more: false, resend: false });
    await settle((s) => s.matches('idle') && log.length > CYCLE.length);
    expect(log).toEqual([...CYCLE, ...CYCLE]);
  });

  it.each<{ reason: SyncErrorReason; state: string }>([
    { reason: 'network', state: 'backoff' },
    { reason: 'timeout', state: 'backoff' },
    { reason: 'server', state: 'backoff' },
    { reason: 'rateLimited', state: 'backoff' },
    { reason: 'badRequest', state: 'backoff' },
    { reason: 'invalidResponse', state: 'backoff' },
    { reason: 'unauthorized', state: 'paused' },
    { reason: 'forbidden', state: 'paused' },
    { reason: 'upgradeRequired', state: 'paused' },
  ])('goes to $state when a step fails with $reason', async ({ reason, state }) => {
    const { actor, clock, settle } = syncHarness({ steps: { push: async () => Promise.reject(new SyncError(reason, `failed: ${reason}`)) } });
    actor.start();
    const snapshot = await settle((s) => s.matches(state as 'backoff' | 'paused'));
    expect(snapshot.context.lastError).toMatchObject({ reason, message: `failed: ${reason}`, at: clock.now() });
    expect(snapshot.context.nextAttemptAt === null).toBe(state === 'paused');
  });

  it('waits offline, not in backoff, when the network fails and the browser says it is offline', async () => {
    const { actor, clock, log, settle } = syncHarness({ online: false, steps: { push: async () => Promise.reject(new SyncError('network', 'down')) } });
    actor.start();
    await settle((s) => s.matches('offline'));
    log.length = 0;
    actor.send({ type: 'sync.trigger', reason: 'submission' });
    expect(log).toEqual([]);
    actor.send({ type: 'sync.trigger', reason: 'online' });
    expect(log[0]).toBe('lock');
    await settle((s) => s.matches('offline'));
    log.length = 0;
    clock.increment(HEARTBEAT);
    expect(log[0]).toBe('lock');
  });

  it('goes offline from idle on the browser offline event', async () => {
    const { actor, settle } = syncHarness();
    actor.start();
    await settle((s) => s.matches('idle'));
    actor.send({ type: 'connectivity.offline' });
    expect(actor.getSnapshot().value).toBe('offline');
  });

  it('retries after a full-jitter delay that grows with each failure, up to the cap', async () => {
    const { actor, clock, log, settle } = syncHarness({ random: () => 0.999999, steps: { push: async () => Promise.reject(new SyncError('server', '503')) } });
    actor.start();
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const snapshot = await settle((s) => s.matches('backoff') && s.context.failures === i + 1);
      delays.push(snapshot.context.retryDelayMs);
      log.length = 0;
      clock.increment(snapshot.context.retryDelayMs - 1);
      expect(log).toEqual([]);
      clock.increment(1);
      expect(log[0]).toBe('lock');
    }
    expect(delays.slice(0, 4)).toEqual([1999, 3999, 7999, 15999]);
    expect(delays.at(-1)).toBe(299_999);
  });

  it('honours Retry-After even when the jitter drew a shorter delay', async () => {
    const { actor, clock, settle } = syncHarness({
      random: () => 0,
      steps: { push: async () => Promise.reject(new SyncError('rateLimited', '429', { status: 429, retryAfterMs: 120_000 })) },
    });
    actor.start();
    const snapshot = await settle((s) => s.matches('backoff'));
    expect(snapshot.context.retryDelayMs).toBe(120_000);
    expect(snapshot.context.nextAttemptAt).toBe(clock.now() + 120_000);
  });

  it('cuts a backoff short on online, wake and manual triggers but not on a submission', async () => {
    const failures = [new SyncError('server', '500'), new SyncError('server', '500')];
    const { actor, log, settle } = syncHarness({ steps: { push: async () => { const failure = failures.shift(); if (failure) throw failure; return { more: false }; } } });
    actor.start();
    await settle((s) => s.matches('backoff'));
    log.length = 0;
    actor.send({ type: 'sync.trigger', reason: 'submission' });
    actor.send({ type: 'sync.trigger', reason: 'heartbeat' });
    expect(log).toEqual([]);
    actor.send({ type: 'sync.trigger', reason: 'wake' });
    await settle((s) => s.matches('backoff') && s.context.failures === 2);
    actor.send({ type: 'sync.trigger', reason: 'manual' });
    const idle = await settle((s) => s.matches('idle'));
    expect(idle.context).toMatchObject({ failures: 0, lastError: null });
  });

  it('stays paused on 401 through heartbeats, losing nothing, until a supervisor enrols again', async () => {
    const answers = [new SyncError('unauthorized', 'token revoked')];
    const { actor, clock, log, settle } = syncHarness({ steps: { push: async () => { const failure = answers.shift(); if (failure) throw failure; return { more: false }; } } });
    actor.start();
    await settle((s) => s.matches('paused'));
    log.length = 0;
    clock.increment(HEARTBEAT * 10);
    actor.send({ type: 'sync.trigger', reason: 'submission' });
    actor.send({ type: 'sync.trigger', reason: 'online' });
    expect(log).toEqual([]);
    actor.send({ type: 'sync.enrolled' });
    await settle((s) => s.matches('idle'));
    expect(log).toEqual(CYCLE);
  });

  it('abandons a step that makes no progress (watchdog), aborts it and backs off', async () => {
    let abandoned: AbortSignal | null = null;
    const hangs = [true];
    const { actor, clock, log, settle } = syncHarness({
      steps: {
        pull: (signal) => {
          if (!hangs.shift()) return Promise.resolve({ more: false, resend: false });
          abandoned = signal;
          return new Promise(() => undefined);
        },
      },
    });
    actor.start();
    await settle((s) => s.matches({ syncing: 'pulling' }));
    clock.increment(WATCHDOG - 1);
    expect(actor.getSnapshot().matches({ syncing: 'pulling' })).toBe(true);
    clock.increment(1);
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('backoff');
    expect(snapshot.context.lastError?.reason).toBe('watchdog');
    expect(abandoned!.aborted).toBe(true);
    expect(log.at(-1)).toBe('unlock');
    clock.increment(snapshot.context.retryDelayMs);
    await settle((s) => s.matches('idle'));
  });

  it('restarts the watchdog at each batch, so a long drain is not mistaken for a stall', async () => {
    let batches = 10;
    const { actor, clock, log, settle } = syncHarness({
      steps: { push: () => new Promise((resolve) => clock.setTimeout(() => resolve({ more: --batches > 0 }), WATCHDOG / 2)) },
    });
    actor.start();
    for (let batch = 1; batch <= 10; batch++) {
      await vi.waitFor(() => expect(log.filter((step) => step === 'push')).toHaveLength(batch), PATIENCE);
      clock.increment(WATCHDOG / 2);
    }
    const idle = await settle((s) => s.matches('idle'));
    expect(idle.context.lastError).toBeNull();
  });

  it('leaves the cycle to the other window when the kiosk-wide lock is taken', async () => {
    const { actor, log, settle } = syncHarness({ steps: { lock: 'busy' } });
    actor.start();
    await settle((s) => s.matches('idle'));
    expect(log).toEqual(['lock', 'unlock']);
  });

  it('treats a lock that never comes as a stall', async () => {
    const { actor, clock } = syncHarness({ steps: { lock: 'never' } });
    actor.start();
    clock.increment(WATCHDOG);
    expect(actor.getSnapshot().value).toBe('backoff');
    expect(actor.getSnapshot().context.lastError?.reason).toBe('watchdog');
  });

  it('uses a new heartbeat from the next wait', async () => {
    const { actor, clock, log, settle } = syncHarness();
    actor.start();
    await settle((s) => s.matches('idle'));
    actor.send({ type: 'sync.settings', heartbeatMs: 5_000 });
    actor.send({ type: 'sync.trigger', reason: 'manual' });
    await settle((s) => s.matches('idle'));
    log.length = 0;
    clock.increment(5_000);
    expect(log[0]).toBe('lock');
  });
});
