import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSyncService, type SyncStatus } from '../../src/sync/syncService';
import { saveSettings } from '../../src/storage/settings';
import { freshDb } from '../storage/support';
import { FakeBackoffice, VALID_CODE } from './support/fakeBackoffice';
import { BACKOFFICE_URL } from './support/kiosk';

afterEach(() => {
  vi.useRealTimers();
});

/** Lets IndexedDB and promises run (setImmediate is not simulated) until the condition holds. */
async function runUntil(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 10_000 && !condition(); turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

describe('the engine on the platform timers (no clock injected)', () => {
  it('schedules its heartbeat with setTimeout, as in production', async () => {
    const backoffice = new FakeBackoffice();
    const db = freshDb();
    await saveSettings(db, { heartbeatSeconds: 5 });
    const secrets = new Map<string, string>();
    const service = startSyncService({
      db,
      platform: { readSecret: async (name) => secrets.get(name) ?? null, writeSecret: async (name, value) => (secrets.set(name, value), { ok: true }) },
      fetch: backoffice.fetch,
      locks: null,
      window: null,
      document: null,
      storageManager: null,
      setInterval: () => 0,
      clearInterval: () => undefined,
    });
    await service.ready;
    expect(await service.enrol(BACKOFFICE_URL, VALID_CODE, 'Kiosk 1')).toMatchObject({ ok: true });
    let status: SyncStatus = service.getStatus();
    service.subscribe((next) => (status = next));
    const pulls = () => backoffice.calls.filter((path) => path === '/changes').length;
    // Only setTimeout is simulated: IndexedDB's own scheduling keeps running.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    service.trigger('manual');
    await runUntil(() => status.phase === 'idle' && pulls() > 0);
    const before = pulls();
    vi.advanceTimersByTime(4_999);
    await runUntil(() => status.phase === 'idle');
    expect(pulls()).toBe(before);
    vi.advanceTimersByTime(1);
    await runUntil(() => pulls() > before);
    service.stop();
  });
});
