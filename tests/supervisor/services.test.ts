import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { listAudit } from '../../src/storage/audit';
import type { OutboxItem, ShubbakDb } from '../../src/storage/db';
import { createSupervisorServices } from '../../src/supervisor/services';
import type { SupervisorServices } from '../../src/supervisor/types';
import { enqueueSample, seedOutbox, storedItem } from '../storage/support';
import { FakePlatform, FakeSync } from './fakes';
import { freshDb, givenPin } from './harness';

const PERSONAL = ['AB123456', 'Alaoui', 'Sara', 'العلوي', 'سارة', '+212612345678', '1990-04-12'];

let db: ShubbakDb;
let platform: FakePlatform;
let sync: FakeSync;
let services: SupervisorServices;
const NOW = Date.parse('2026-11-28T12:00:00Z');

beforeEach(() => {
  db = freshDb();
  platform = new FakePlatform();
  sync = new FakeSync();
  services = createSupervisorServices({ db, platform, sync, now: () => NOW, estimateStorage: async () => ({ usage: 1_000, quota: 1_000_000 }) });
});

/** An enqueued item as the back office leaves a refused one: out of the pending set, its row saying why. */
async function markRejected(item: OutboxItem, lastError: string): Promise<void> {
  await db.pending.delete(item.kioskSeq);
  await seedOutbox(db, [{ ...item, state: 'rejected', lastError }]);
}

async function auditLog() {
  return (await listAudit(db, { limit: 100 })).map(({ action, detail }) => ({ action, detail }));
}

describe('the supervisor services', () => {
  it('show outbox rows without the citizen’s personal data', async () => {
    await enqueueSample(db);
    const rows = await services.outbox.page(0, 10);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['attempts', 'createdAt', 'id', 'kioskSeq', 'lastError', 'serviceId', 'serviceName', 'state', 'trackingCode']);
    for (const value of PERSONAL) expect(JSON.stringify(rows)).not.toContain(value);
  });

  it('refuse a discard without a reason, and record one with its reason', async () => {
    const item = await enqueueSample(db);
    const [row] = await services.outbox.page(0, 1);
    await expect(services.outbox.discard(row!, '   ')).rejects.toThrow();
    expect(await services.outbox.discard(row!, 'duplicate of a counter request')).toBe(true);
    expect((await storedItem(db, item.id))?.state).toBe('discarded');
    expect(await auditLog()).toEqual([
      { action: 'supervisor.discard', detail: `id=${item.id} trackingCode=${item.trackingCode} reason=duplicate of a counter request` },
    ]);
  });

  it('send a rejected item again, record it, and wake the sync', async () => {
    const item = await enqueueSample(db);
    await markRejected(item, 'invalid');
    const [row] = await services.outbox.page(0, 1);
    expect(await services.outbox.retry(row!)).toBe(true);
    expect((await storedItem(db, item.id))?.state).toBe('queued');
    expect(sync.triggers).toEqual(['manual']);
    expect((await auditLog())[0]?.action).toBe('supervisor.retry');
  });

  it('record "sync now" and trigger a manual sync', async () => {
    await services.sync.syncNow();
    expect(sync.triggers).toEqual(['manual']);
    expect(await auditLog()).toEqual([{ action: 'supervisor.syncNow', detail: '' }]);
  });

  it('record the names of changed settings, never their values', async () => {
    const outcome = await services.settings.save({ ...DEFAULT_SETTINGS, officeName: 'Annexe Hay Riad', backofficeUrl: 'https://bo.rabat.example' });
    expect(outcome).toMatchObject({ ok: true, changed: ['officeName', 'backofficeUrl'] });
    const [entry] = await auditLog();
    expect(entry).toEqual({ action: 'supervisor.settingsChange', detail: 'changed=officeName,backofficeUrl' });
  });

  it('refuse invalid settings field by field and change nothing', async () => {
    const outcome = await services.settings.save({ ...DEFAULT_SETTINGS, officeName: '', retentionDays: 0, defaultLocale: 'fr', enabledLocales: ['ar'] });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : Object.keys(outcome.errors).sort()).toEqual(['defaultLocale', 'officeName', 'retentionDays']);
    expect(await services.settings.load()).toEqual(DEFAULT_SETTINGS);
    expect(await auditLog()).toEqual([]);
  });

  it('never writes the enrolment code to the audit log', async () => {
    await services.sync.enrol('https://bo.example', 'ABCD-1234', 'Kiosk 1');
    const log = JSON.stringify(await auditLog());
    expect(log).toContain('supervisor.enrol');
    expect(log).not.toContain('ABCD-1234');
  });

  it('change the PIN only with the current one, counting a wrong one as a failed attempt', async () => {
    await givenPin(platform, db, '482915');
    expect(await services.changePin('000001', '739104')).toEqual({ ok: false, reason: 'wrongPin' });
    expect((await services.lock.loadLockState()).lockout.failures).toBe(1);
    expect(await services.changePin('482915', '123456')).toEqual({ ok: false, reason: 'trivial' });
    expect(await services.changePin('482915', '739104')).toEqual({ ok: true });
    expect((await services.lock.checkPin('739104')).kind).toBe('ok');
    // The wrong current PIN is audited as a failed attempt, with the count, like one on the PIN pad.
    expect(await auditLog()).toEqual([
      { action: 'supervisor.pinChange', detail: 'ok' },
      { action: 'supervisor.pinChange', detail: 'refused=trivial' },
      { action: 'supervisor.pinChange', detail: 'refused=wrongPin' },
      { action: 'supervisor.pinFailed', detail: 'failures=1' },
    ]);
  });

  it('print a test receipt and record the result', async () => {
    platform.printResult = { ok: false, reason: 'noPrinter' };
    const receipt = { trackingCode: 'TEST', serviceName: 'Printer test', officeName: 'Annexe', lines: [], qrDataUrl: 'data:,', locale: 'en', direction: 'ltr' as const };
    expect(await services.testPrinter(receipt)).toEqual({ ok: false, reason: 'noPrinter' });
    expect(platform.printed).toHaveLength(1);
    expect(await auditLog()).toEqual([{ action: 'supervisor.printerTest', detail: 'failed=noPrinter' }]);
  });

  it('export diagnostics with counts per state and no personal data or secret', async () => {
    await givenPin(platform, db, '482915');
    const rejected = await enqueueSample(db);
    await markRejected(rejected, 'invalid: identity.cin');
    await enqueueSample(db);
    sync.publish({ lastError: { reason: 'network', message: 'fetch failed', at: NOW } });

    const diagnostics = await services.diagnostics();
    expect(diagnostics.outbox).toEqual({ queued: 1, sending: 0, synced: 0, rejected: 1, discarded: 0 });
    expect(diagnostics.lastErrors).toEqual(['fetch failed', 'invalid: identity.cin']);
    expect(diagnostics.app).toEqual({ version: '0.1.0-test', host: 'browser' });
    expect(diagnostics.storage).toEqual({ usageBytes: 1_000, quotaBytes: 1_000_000 });
    const text = JSON.stringify(diagnostics);
    for (const value of [...PERSONAL, rejected.trackingCode, platform.secrets.get('pinHash')!]) expect(text).not.toContain(value);
    expect((await auditLog())[0]?.action).toBe('supervisor.export');
  });
});
