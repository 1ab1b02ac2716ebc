import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import type { LegacyOutboxRow, MetaRecord, OutboxItem } from '../../src/storage/db';
import { freePort, launchKiosk, loadInPage, metaValue, outboxRows, startDemoOffice, tempDir, waitFor, type LaunchedKiosk, type RunningBackoffice } from '../e2e/harness';
import { queuedItems } from './requests';

type WriteDatabase = (rows: LegacyOutboxRow[], meta: MetaRecord[]) => Promise<number>;

/**
 * Issue list item 6, in Chromium's own IndexedDB: a kiosk whose database was written by version 3
 * of the app (the state in each row, a batch recorded in flight when it stopped) is opened by the
 * current app, which moves it to schema v4, enrols, and syncs.
 */
describe('a kiosk database written by an older version of the app, opened by the current one', () => {
  let backoffice: RunningBackoffice;
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    ({ backoffice, server } = await startDemoOffice({ port: await freePort() }));
    // A page of the kiosk's origin without the app, so the old database is written before the app opens it.
    kiosk = await launchKiosk({ url: new URL('kiosk-config.json', server.url).href, profileDir: await tempDir('upgrade-profile') });
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
    await backoffice?.stop();
  });

  it('loses no pending request, sends each once, and keeps every other state', async () => {
    const items = queuedItems({ trackingPrefix: 'QK3', firstSeq: 1, count: 406 });
    const pending = items.slice(0, 400);
    const [synced, purged, rejected, discarded, damaged, alsoPending] = items.slice(400);
    const onWire = pending.slice(0, 250);
    const rows: LegacyOutboxRow[] = [
      ...pending.map((item, index): LegacyOutboxRow => ({ ...item, state: index < onWire.length ? 'sending' : 'queued' })),
      { ...synced!, state: 'synced', attempts: 1, syncedAt: Date.now() - 1_000, retentionFrom: Date.now() - 1_000 },
      { ...purged!, state: 'synced', attempts: 1, request: null, syncedAt: Date.now() - 9_000 },
      { ...rejected!, state: 'rejected', attempts: 1, lastError: 'invalid', rejection: { errors: [{ path: 'serviceId', code: 'unknownService' }], reason: 'invalid' } },
      { ...discarded!, state: 'discarded', request: null, rejection: { errors: null, reason: 'duplicate at the counter' } },
      // A row whose state was damaged on disk: kept, and sent like any pending one.
      { ...damaged!, state: 'garbled' as LegacyOutboxRow['state'] },
      { ...alsoPending!, state: 'queued' },
    ];
    const meta: MetaRecord[] = [
      { key: 'kioskSeq', value: items.length },
      { key: 'trackingPrefix', value: 'QK3' },
      // Version 3 recorded its batches in flight here; none of this page is running any more.
      { key: 'inFlight', value: { ids: onWire.map((item) => item.id), lastTakenSeq: onWire.at(-1)!.kioskSeq } },
    ];
    await loadInPage(kiosk.page, fileURLToPath(new URL('./legacyDatabaseInPage.ts', import.meta.url)));
    const version = await kiosk.page.evaluate(
      ({ rows, meta }) => (globalThis as unknown as { shubbakWriteVersion3Database: WriteDatabase }).shubbakWriteVersion3Database(rows, meta),
      { rows, meta },
    );
    expect(version).toBe(3);

    await kiosk.page.goto(server.url);
    await waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'the upgraded kiosk enrolled itself with the demo code' });
    const toSend = [...pending, damaged!, alsoPending!];
    await waitFor(async () => stateOf(await outboxRows(kiosk.page), toSend).every((state) => state === 'synced'), {
      timeoutMs: 120_000,
      description: 'every pending request of the old database synced',
    });

    // Dexie stores schema version n as IndexedDB version 10·n: the app's v4 is on disk now.
    expect(await kiosk.page.evaluate(async () => (await indexedDB.databases()).find((info) => info.name === 'shubbak')?.version)).toBe(40);
    const after = await outboxRows(kiosk.page);
    expect(after.map((item) => item.id)).toEqual(items.map((item) => item.id));
    expect(stateOf(after, [synced!, purged!, rejected!, discarded!])).toEqual(['synced', 'synced', 'rejected', 'discarded']);
    expect(after.find((item) => item.id === rejected!.id)?.rejection?.reason).toBe('invalid');
    expect(after.filter((item) => toSend.some((sent) => sent.id === item.id)).every((item) => item.request !== null)).toBe(true);
    // The back office holds each request that was pending exactly once, and nothing else.
    expect(serverIds(backoffice).sort()).toEqual(toSend.map((item) => item.id).sort());
    expect(await metaValue(kiosk.page, 'inFlight')).toBeUndefined();
  }, 240_000);
});

function stateOf(rows: readonly OutboxItem[], items: readonly OutboxItem[]): string[] {
  const byId = new Map(rows.map((row) => [row.id, row.state]));
  return items.map((item) => byId.get(item.id) ?? 'missing');
}

function serverIds(backoffice: RunningBackoffice): string[] {
  const db = new Database(path.join(backoffice.dataDir, 'backoffice.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], string>('SELECT id FROM requests').pluck().all();
  } finally {
    db.close();
  }
}
