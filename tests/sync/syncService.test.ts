import { describe, expect, it, vi } from 'vitest';
import { PATIENCE } from './support/patience';
import { listAudit } from '../../src/storage/audit';
import { inFlightIds } from '../../src/storage/inFlight';
import { nextBatch } from '../../src/storage/outboxSync';
import { SYNC_LOCK_NAME } from '../../src/sync/cycleLock';
import { FakeLockManager } from './support/fakeLocks';
import { META_KEYS, readMeta } from '../../src/storage/meta';
import { saveSettings, loadSettings } from '../../src/storage/settings';
import { statusByTrackingCode } from '../../src/storage/statuses';
import { enqueueMany, enqueueSample, storedItem, storedItems } from '../storage/support';
import { FakeBackoffice, VALID_CODE } from './support/fakeBackoffice';
import { BACKOFFICE_URL, enrolledKiosk, isIdleWith, startKiosk } from './support/kiosk';

// Each test drives the engine through many IndexedDB transactions: give a loaded CI machine room.
vi.setConfig({ testTimeout: 30_000 });

describe('enrolling a kiosk', () => {
  it('refuses a code the back office does not know and records nothing', async () => {
    const backoffice = new FakeBackoffice();
    const { service, secrets, db } = await startKiosk(backoffice);
    expect(await service.enrol(BACKOFFICE_URL, 'ZZZZ-9999', 'Kiosk 1')).toMatchObject({ ok: false, reason: 'codeRejected' });
    expect(secrets.size).toBe(0);
    expect(await service.isEnrolled()).toBe(false);
    expect((await loadSettings(db)).backofficeUrl).toBe('');
    expect(service.getStatus()).toMatchObject({ phase: 'unconfigured', enrolled: false });
  });

  it.each([
    { url: 'ftp://bo.example.ma', code: VALID_CODE, reason: 'invalidUrl' },
    { url: BACKOFFICE_URL, code: 'ABC', reason: 'invalidCode' },
    { url: 'http://bo.example.ma', code: VALID_CODE, reason: 'insecureUrl' },
    { url: 'http://192.168.1.10:8787', code: VALID_CODE, reason: 'insecureUrl' },
  ])('refuses $reason before calling the back office', async ({ url, code, reason }) => {
    const backoffice = new FakeBackoffice();
    const { service } = await startKiosk(backoffice);
    expect(await service.enrol(url, code, 'Kiosk 1')).toMatchObject({ ok: false, reason });
    expect(backoffice.calls).toEqual([]);
  });

  it('sends nothing over plain http:// to another machine, even with settings written before that rule', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    await saveSettings(kiosk.db, { backofficeUrl: 'http://bo.example.ma' });
    const callsBefore = backoffice.calls.length;
    await enqueueSample(kiosk.db);
    kiosk.service.trigger('manual');
    const status = await kiosk.until((s) => s.lastError !== null);
    expect(status.lastError).toMatchObject({ reason: 'forbidden' });
    expect(backoffice.calls.length).toBe(callsBefore);
  });

  it('presents the token it held when enrolled again, so the back office replaces its old device', async () => {
    const backoffice = new FakeBackoffice();
    const { service, secrets } = await startKiosk(backoffice);
    await service.enrol(BACKOFFICE_URL, VALID_CODE, 'Kiosk 1');
    const firstToken = secrets.get('deviceToken');
    await service.enrol(BACKOFFICE_URL, VALID_CODE, 'Kiosk 1');
    expect(backoffice.enrolBodies).toEqual([
      { code: VALID_CODE, kioskLabel: 'Kiosk 1' },
      { code: VALID_CODE, kioskLabel: 'Kiosk 1', previousDeviceToken: firstToken },
    ]);
  });

  it('keeps the token in the secret store, the identity in meta, and uses the office prefix for new codes', async () => {
    const backoffice = new FakeBackoffice();
    const { service, secrets, db, until } = await startKiosk(backoffice);
    await enqueueSample(db);
    const outcome = await service.enrol(`${BACKOFFICE_URL}/`, ' abcd 2345 ', 'Kiosk 1');
    expect(outcome).toEqual({ ok: true, deviceId: 'device-1', officeId: 'berkane-annex-1', officeName: 'Annexe Berkane 1' });
    expect(secrets.get('deviceToken')).toMatch(/^token-1-/);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('token-1-');
    expect(await service.isEnrolled()).toBe(true);
    expect(await loadSettings(db)).toMatchObject({ backofficeUrl: BACKOFFICE_URL, officeId: 'berkane-annex-1', officeName: 'Annexe Berkane 1' });
    expect((await enqueueSample(db)).trackingCode).toMatch(/^BRK-00002-/);
    service.trigger('submission');
    await until(isIdleWith(0));
    expect(backoffice.requests.size).toBe(2);
  });

  it('resumes syncing with its stored token after a restart', async () => {
    const backoffice = new FakeBackoffice();
    const first = await enrolledKiosk(backoffice);
    first.service.stop();
    await enqueueSample(first.db);
    const again = await startKiosk(backoffice, { db: first.db, secrets: first.secrets });
    expect(again.service.getStatus().enrolled).toBe(true);
    await again.until(isIdleWith(0));
    expect(backoffice.requests.size).toBe(1);
  });
});

describe('pushing the outbox', () => {
  it('drains the queue batch by batch, in kiosk-sequence order', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    await saveSettings(kiosk.db, { syncBatchSize: 2 });
    const items = await enqueueMany(kiosk.db, 5);
    kiosk.service.trigger('submission');
    await kiosk.until(isIdleWith(0));
    expect(backoffice.arrivals).toEqual(items.map((item) => item.id));
    expect(backoffice.calls.filter((path) => path === '/requests/push')).toHaveLength(3);
    expect((await storedItems(kiosk.db)).every((item) => item.state === 'synced')).toBe(true);
  });

  it('rejects a poison item with its reasons while the four others arrive in order', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    const items = [await enqueueSample(kiosk.db), await enqueueSample(kiosk.db), await enqueueSample(kiosk.db, { serviceId: 'retired_service' }), await enqueueSample(kiosk.db), await enqueueSample(kiosk.db)];
    kiosk.service.trigger('submission');
    const status = await kiosk.until((s) => s.phase === 'idle' && s.pendingCount === 0 && s.rejectedCount === 1);
    expect(backoffice.arrivals).toEqual([items[0], items[1], items[3], items[4]].map((item) => item!.id));
    expect(await storedItem(kiosk.db, items[2]!.id)).toMatchObject({
      state: 'rejected',
      rejection: { reason: 'invalid', errors: [{ path: 'serviceId', code: 'unknownService' }] },
    });
    expect(status.lastError).toBeNull();
  });

  it('keeps the request queued when the back office answers 503, and sends it after Retry-After', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    backoffice.failNext('/requests/push', { kind: 'status', status: 503, headers: { 'retry-after': '120' } });
    const item = await enqueueSample(kiosk.db);
    kiosk.service.trigger('submission');
    const waiting = await kiosk.until((s) => s.phase === 'backoff' && s.pendingCount === 1);
    expect(waiting.lastError).toMatchObject({ reason: 'server' });
    expect(waiting.nextAttemptAt).toBe(kiosk.clock.now() + 120_000);
    expect(await storedItem(kiosk.db, item.id)).toMatchObject({ state: 'queued', lastError: 'server' });
    kiosk.clock.increment(120_000);
    await kiosk.until(isIdleWith(0));
    expect(backoffice.arrivals).toEqual([item.id]);
  });

  it.each([{ kind: 'network' as const }, { kind: 'status' as const, status: 500 }, { kind: 'status' as const, status: 408 }, { kind: 'status' as const, status: 429 }])(
    'retries the whole batch after $kind $status without losing an item',
    async (fault) => {
      const backoffice = new FakeBackoffice();
      const kiosk = await enrolledKiosk(backoffice);
      backoffice.failNext('/requests/push', fault);
      const items = await enqueueMany(kiosk.db, 3);
      kiosk.service.trigger('submission');
      const waiting = await kiosk.until((s) => s.phase === 'backoff' && s.pendingCount === 3);
      kiosk.clock.increment(waiting.nextAttemptAt! - kiosk.clock.now());
      await kiosk.until(isIdleWith(0));
      expect(backoffice.arrivals).toEqual(items.map((item) => item.id));
    },
  );

  it('halves its batches when the back office answers 413, and still delivers everything in order', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    await saveSettings(kiosk.db, { syncBatchSize: 4 });
    backoffice.failNext('/requests/push', { kind: 'status', status: 413 });
    const items = await enqueueMany(kiosk.db, 4);
    kiosk.service.trigger('submission');
    const waiting = await kiosk.until((s) => s.phase === 'backoff' && s.pendingCount === 4);
    expect(waiting.lastError?.reason).toBe('badRequest');
    kiosk.clock.increment(waiting.nextAttemptAt! - kiosk.clock.now());
    await kiosk.until(isIdleWith(0));
    expect(backoffice.arrivals).toEqual(items.map((item) => item.id));
    expect(backoffice.calls.filter((path) => path === '/requests/push')).toHaveLength(3);
  });

  it('delivers exactly once when the answer is lost after the server committed', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    backoffice.failNext('/requests/push', { kind: 'commitThenDrop' });
    const item = await enqueueSample(kiosk.db);
    kiosk.service.trigger('submission');
    const waiting = await kiosk.until((s) => s.phase === 'backoff');
    expect(backoffice.requests.has(item.id)).toBe(true);
    kiosk.clock.increment(waiting.nextAttemptAt! - kiosk.clock.now());
    await kiosk.until(isIdleWith(0));
    expect(backoffice.arrivals).toEqual([item.id]);
    expect(await storedItem(kiosk.db, item.id)).toMatchObject({ state: 'synced', attempts: 2 });
  });

  it('delivers exactly once across a crash between the server commit and the ack', async () => {
    const backoffice = new FakeBackoffice();
    const crashed = await enrolledKiosk(backoffice);
    backoffice.failNext('/requests/push', { kind: 'commitThenHang' });
    const item = await enqueueSample(crashed.db);
    crashed.service.trigger('submission');
    await crashed.until((s) => s.phase === 'pushing');
    await new Promise<void>((resolve) => {
      const check = () => (backoffice.requests.has(item.id) ? resolve() : setTimeout(check, 5));
      check();
    });
    crashed.service.stop();
    expect(await inFlightIds(crashed.db)).toEqual(new Set([item.id]));
    // Still pending, neither synced nor lost: on the wire, so the app shows it `sending` until the relaunch requeues it.
    expect((await storedItem(crashed.db, item.id))?.state).toBe('sending');

    const relaunched = await startKiosk(backoffice, { db: crashed.db, secrets: crashed.secrets });
    await relaunched.until(isIdleWith(0));
    expect(await storedItem(relaunched.db, item.id)).toMatchObject({ state: 'synced', attempts: 2 });
    expect(backoffice.arrivals).toEqual([item.id]);
    expect(backoffice.requests.size).toBe(1);
  });

  it('at start-up, puts back in the queue what a crash left on the wire, unless another window is syncing', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    kiosk.service.stop();
    const [onWire] = await enqueueMany(kiosk.db, 1);
    await nextBatch(kiosk.db, 1);

    const locks = new FakeLockManager();
    locks.held.add(SYNC_LOCK_NAME); // another window holds the sync lock: its batch is really on the wire
    const beside = await startKiosk(backoffice, { db: kiosk.db, secrets: kiosk.secrets, locks, online: () => false });
    expect(await inFlightIds(kiosk.db)).toEqual(new Set([onWire!.id]));
    beside.service.stop();

    const relaunched = await startKiosk(backoffice, { db: kiosk.db, secrets: kiosk.secrets, locks: new FakeLockManager(), online: () => false });
    expect(await inFlightIds(kiosk.db)).toEqual(new Set());
    expect(await storedItem(kiosk.db, onWire!.id)).toMatchObject({ state: 'queued', lastError: 'interrupted', attempts: 1 });
    relaunched.service.stop();
  });

  it('pauses on 401, drops nothing, and resumes once a supervisor enrols again', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    backoffice.revokeAll();
    const items = await enqueueMany(kiosk.db, 2);
    kiosk.service.trigger('submission');
    const paused = await kiosk.until((s) => s.phase === 'paused' && s.pendingCount === 2);
    expect(paused).toMatchObject({ lastError: { reason: 'unauthorized' }, nextAttemptAt: null });
    kiosk.clock.increment(3_600_000);
    expect(kiosk.service.getStatus().phase).toBe('paused');
    expect((await storedItems(kiosk.db)).every((item) => item.state === 'queued' && item.request !== null)).toBe(true);
    expect(await kiosk.service.enrol(BACKOFFICE_URL, VALID_CODE, 'Kiosk 1')).toMatchObject({ ok: true });
    await kiosk.until(isIdleWith(0));
    expect(backoffice.arrivals).toEqual(items.map((item) => item.id));
  });

  it('abandons a hung call with the watchdog, requeues the batch and delivers it on the retry', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    backoffice.failNext('/requests/push', { kind: 'hang' });
    const item = await enqueueSample(kiosk.db);
    kiosk.service.trigger('submission');
    await expect.poll(() => backoffice.calls.includes('/requests/push'), PATIENCE).toBe(true);
    kiosk.clock.increment(60_000);
    const stalled = await kiosk.until((s) => s.phase === 'backoff' && s.pendingCount === 1);
    expect(stalled.lastError?.reason).toBe('watchdog');
    await expect.poll(async () => (await storedItem(kiosk.db, item.id))?.state, PATIENCE).toBe('queued');
    kiosk.clock.increment(stalled.nextAttemptAt! - kiosk.clock.now());
    await kiosk.until(isIdleWith(0));
    expect(backoffice.arrivals).toEqual([item.id]);
  });
});

describe('pulling from the back office', () => {
  it('brings the statuses a citizen checks, and stores the cursor', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    const item = await enqueueSample(kiosk.db);
    kiosk.service.trigger('submission');
    await kiosk.until(isIdleWith(0));
    backoffice.setStatus(item.id, 'ready');
    kiosk.service.trigger('manual');
    await kiosk.until((s) => s.phase === 'idle');
    expect(await statusByTrackingCode(kiosk.db, item.trackingCode)).toMatchObject({ local: 'synced', remote: { status: 'ready' } });
    expect(await readMeta(kiosk.db, META_KEYS.pullCursor, 0)).toBe(backoffice.seq);
  });

  it('notices a back office restored from an older backup and sends it again what it lost', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    const [first] = await enqueueMany(kiosk.db, 1);
    kiosk.service.trigger('submission');
    await kiosk.until(isIdleWith(0));
    const backup = backoffice.backup();
    const later = await enqueueMany(kiosk.db, 2);
    kiosk.service.trigger('submission');
    await kiosk.until(isIdleWith(0));
    backoffice.setStatus(first!.id, 'inReview');
    kiosk.service.trigger('manual');
    await kiosk.until((s) => s.phase === 'idle');

    backoffice.restoreBackup(backup);
    kiosk.service.trigger('manual');
    await kiosk.until((s) => s.phase === 'pulling');
    await kiosk.until(isIdleWith(0));
    expect([...backoffice.requests.keys()].sort()).toEqual([first!, ...later].map((item) => item.id).sort());
    expect((await listAudit(kiosk.db, { limit: 5 })).map((entry) => entry.action)).toContain('sync.serverRestored');
    backoffice.setStatus(later[0]!.id, 'ready');
    kiosk.service.trigger('manual');
    await kiosk.until((s) => s.phase === 'idle');
    expect((await statusByTrackingCode(kiosk.db, later[0]!.trackingCode)).remote?.status).toBe('ready');
  });

  it('takes a newer catalogue and uploads the audit log', async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    const { loadCatalogue } = await import('../../src/storage/catalogue');
    const { DEFAULT_CATALOGUE } = await import('../../src/storage/defaultCatalogue');
    const { appendAudit, unsyncedAudit } = await import('../../src/storage/audit');
    backoffice.catalogue = { ...DEFAULT_CATALOGUE, version: DEFAULT_CATALOGUE.version + 1 };
    const entry = await appendAudit(kiosk.db, 'supervisor.unlock', '', kiosk.clock.now());
    kiosk.service.trigger('manual');
    await kiosk.until((s) => s.phase === 'idle');
    expect((await loadCatalogue(kiosk.db)).version).toBe(DEFAULT_CATALOGUE.version + 1);
    expect(backoffice.auditIds.has(entry.id)).toBe(true);
    expect(await unsyncedAudit(kiosk.db, 10)).toEqual([]);
  });

  it("takes the office's names and logo with the catalogue", async () => {
    const backoffice = new FakeBackoffice();
    const kiosk = await enrolledKiosk(backoffice);
    const { loadOfficeIdentity } = await import('../../src/storage/officeIdentity');
    backoffice.officeIdentity = { version: 1, names: { ar: 'ملحقة بركان', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ', fr: 'Annexe Berkane', en: 'Berkane annex' }, logo: null };
    kiosk.service.trigger('manual');
    await kiosk.until((s) => s.phase === 'idle');
    expect(await loadOfficeIdentity(kiosk.db)).toEqual(backoffice.officeIdentity);
  });
});
