import { describe, expect, it, vi } from 'vitest';
import { PATIENCE } from './support/patience';
import { META_KEYS, writeMeta } from '../../src/storage/meta';
import { saveSettings } from '../../src/storage/settings';
import { DAY, enqueueSample, freshDb } from '../storage/support';
import { FakeBackoffice } from './support/fakeBackoffice';
import { FakeLockManager } from './support/fakeLocks';
import { enrolledKiosk, isIdleWith, startKiosk } from './support/kiosk';

// Each test drives the engine through many IndexedDB transactions: give a loaded CI machine room.
vi.setConfig({ testTimeout: 30_000 });

describe('the sync status the supervisor dashboard shows', () => {
  it('has exactly the documented fields', async () => {
    const { service, until } = await startKiosk(new FakeBackoffice());
    const status = await until((s) => s.phase === 'unconfigured');
    expect(Object.keys(status).sort()).toEqual(
      ['enrolled', 'lastError', 'lastSuccessAt', 'nextAttemptAt', 'oldestPendingAgeMs', 'pendingCount', 'persistentStorage', 'phase', 'rejectedCount', 'storageError'].sort(),
    );
    expect(service.getStatus()).toEqual(status);
  });

  it('counts what waits and how long the oldest has waited, on the kiosk clock', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    backoffice.failNext('/requests/push', { kind: 'status', status: 503 });
    await enqueueSample(kiosk.db, {}, kiosk.clock.now());
    await enqueueSample(kiosk.db, {}, kiosk.clock.now() + 1_000);
    kiosk.service.trigger('submission');
    const waiting = await kiosk.until((s) => s.phase === 'backoff' && s.pendingCount === 2);
    expect(waiting).toMatchObject({ enrolled: true, oldestPendingAgeMs: 0, lastError: { reason: 'server', message: 'fault: injected', at: kiosk.clock.now() } });
    expect(waiting.lastSuccessAt).toBe(kiosk.clock.now());
    kiosk.clock.increment(waiting.nextAttemptAt! - kiosk.clock.now());
    const synced = await kiosk.until(isIdleWith(0));
    expect(synced).toMatchObject({ oldestPendingAgeMs: null, lastError: null, lastSuccessAt: kiosk.clock.now(), nextAttemptAt: kiosk.clock.now() + 30_000 });
  });

  it('shows a refused outbox write (disk full) until a write succeeds', async () => {
    const db = freshDb();
    await writeMeta(db, META_KEYS.lastStorageError, { reason: 'quota', at: 123 });
    const kiosk = await startKiosk(new FakeBackoffice(), { db });
    expect((await kiosk.until((s) => s.storageError !== null)).storageError).toEqual({ reason: 'quota', at: 123 });
    await enqueueSample(db);
    kiosk.service.trigger('submission');
    await kiosk.until((s) => s.storageError === null && s.pendingCount === 1);
  });

  it.each([
    { case: 'grants persistence', storage: { persisted: async () => false, persist: async () => true }, shown: true },
    { case: 'refuses persistence', storage: { persisted: async () => false, persist: async () => false }, shown: false },
    { case: 'cannot say', storage: null, shown: null },
  ])('shows whether storage is persistent when the browser $case', async ({ storage, shown }) => {
    const kiosk = await startKiosk(new FakeBackoffice(), { storageManager: storage });
    expect(kiosk.service.getStatus().persistentStorage).toBe(shown);
  });

  it('shows a start-up that failed instead of starting forever', async () => {
    const kiosk = await startKiosk(new FakeBackoffice(), { readSecret: async () => Promise.reject(new Error('secret store unavailable')) });
    expect(kiosk.service.getStatus()).toMatchObject({ phase: 'stopped', lastError: { reason: 'internal', message: 'Error: secret store unavailable' } });
  });

  it('reports stopped after stop, and hears nothing more', async () => {
    const { service } = await startKiosk(new FakeBackoffice());
    service.stop();
    expect(service.getStatus().phase).toBe('stopped');
  });
});

describe('the triggers', () => {
  it('syncs when the browser says the network is back, after waiting offline', async () => {
    const backoffice = new FakeBackoffice();
    const page = new EventTarget();
    let online = true;
    const kiosk = await enrolledKiosk(backoffice, { window: page, online: () => online });
    online = false;
    page.dispatchEvent(new Event('offline'));
    expect(kiosk.service.getStatus().phase).toBe('offline');
    backoffice.failNext('/requests/push', { kind: 'network' });
    await enqueueSample(kiosk.db);
    kiosk.service.trigger('submission');
    expect(kiosk.service.getStatus().phase).toBe('offline');
    online = true;
    page.dispatchEvent(new Event('online'));
    await kiosk.until((s) => s.phase === 'backoff');
    page.dispatchEvent(new Event('online'));
    await kiosk.until(isIdleWith(0));
    expect(backoffice.requests.size).toBe(1);
  });

  it('syncs at the heartbeat the supervisor set', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    await saveSettings(kiosk.db, { heartbeatSeconds: 5 });
    kiosk.service.trigger('manual');
    await kiosk.until((s) => s.phase === 'idle' && s.nextAttemptAt === kiosk.clock.now() + 30_000);
    await enqueueSample(kiosk.db);
    kiosk.service.trigger('manual');
    await kiosk.until(isIdleWith(0));
    const calls = backoffice.calls.length;
    kiosk.clock.increment(5_000);
    await kiosk.until((s) => s.phase === 'idle');
    expect(backoffice.calls.length).toBeGreaterThan(calls);
  });
});

describe('one sync runner per kiosk', () => {
  it('lets a second window of the same kiosk stand by while the first one syncs', async () => {
    const backoffice = new FakeBackoffice();
    const locks = new FakeLockManager();
    const first = await enrolledKiosk(backoffice, { locks });
    const second = await startKiosk(backoffice, { db: first.db, secrets: first.secrets, locks });
    await second.until((s) => s.phase === 'idle');
    backoffice.failNext('/requests/push', { kind: 'hang' });
    await enqueueSample(first.db);
    first.service.trigger('submission');
    await expect.poll(() => backoffice.calls.filter((path) => path === '/requests/push').length, PATIENCE).toBe(1);
    const before = backoffice.calls.length;
    second.service.trigger('manual');
    await second.until((s) => s.phase === 'idle');
    expect(backoffice.calls.length).toBe(before);
    first.service.stop();
    await expect.poll(() => locks.held.size, PATIENCE).toBe(0);
    second.service.trigger('manual');
    await second.until(isIdleWith(0));
    expect(backoffice.requests.size).toBe(1);
  });
});

describe('a kiosk clock that jumps', () => {
  it.each([
    { direction: 'back', jump: -10 * DAY },
    { direction: 'ahead', jump: 10 * DAY },
  ])('keeps syncing and keeps unsynced requests when it jumps $direction by days', async ({ jump }) => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    backoffice.failNext('/requests/push', { kind: 'status', status: 503 });
    const item = await enqueueSample(kiosk.db, {}, kiosk.clock.now());
    kiosk.service.trigger('submission');
    const waiting = await kiosk.until((s) => s.phase === 'backoff' && s.pendingCount === 1);
    kiosk.jumpClock(jump);
    expect(kiosk.service.getStatus().oldestPendingAgeMs ?? 0).toBeGreaterThanOrEqual(0);
    expect((await kiosk.db.outbox.get(item.id))?.request).not.toBeNull();
    kiosk.service.trigger('manual');
    await kiosk.until(isIdleWith(0));
    expect(waiting.lastError?.reason).toBe('server');
    expect(backoffice.arrivals).toEqual([item.id]);
  });
});

describe('a trigger during a cycle', () => {
  it('runs the next cycle at once in the same window, although the lock is released asynchronously', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice, { locks: new FakeLockManager() });
    const first = await enqueueSample(kiosk.db);
    kiosk.service.trigger('submission');
    await kiosk.until((s) => s.phase === 'pulling');
    const second = await enqueueSample(kiosk.db);
    kiosk.service.trigger('submission');
    await kiosk.until(isIdleWith(0));
    expect(backoffice.arrivals).toEqual([first.id, second.id]);
  });
});

describe('the retention purge at the end of a cycle', () => {
  it('drops the personal data of a collected request once the retention has passed, and keeps a request still in review', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    const item = await enqueueSample(kiosk.db);
    const inReview = await enqueueSample(kiosk.db);
    backoffice.failNext('/requests/push', { kind: 'status', status: 400 });
    kiosk.service.trigger('submission');
    const failed = await kiosk.until((s) => s.phase === 'backoff');
    kiosk.clock.increment(failed.nextAttemptAt! - kiosk.clock.now());
    await kiosk.until(isIdleWith(0));
    backoffice.setStatus(item.id, 'collected');
    backoffice.setStatus(inReview.id, 'inReview');
    kiosk.clock.increment(31 * DAY);
    await kiosk.until((s) => s.phase === 'idle' && s.lastSuccessAt === kiosk.clock.now());
    expect((await kiosk.db.outbox.get(item.id))?.request).toBeNull();
    expect((await kiosk.db.outbox.get(inReview.id))?.request).not.toBeNull();
  });
});
