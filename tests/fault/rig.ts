import path from 'node:path';
import Database from 'better-sqlite3';
import { serverSyncFigures, type ServerSyncFigures } from '../../backoffice/src/bench/syncFigures';
import type { OutboxItem } from '../../src/storage/db';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { lastNonEmptyLine } from '../../scripts/processes';
import { freePort, launchKiosk, metaValue, outboxRows, putOutboxRows, startBackoffice, startKioskServer, tempDir, waitFor, type LaunchedKiosk, type RunningBackoffice } from '../e2e/harness';
import { startFaultProxy, type FaultProxy } from './faultProxy';
import { queuedItems } from './requests';

/** What the back office holds for one request (read straight from its SQLite file). */
export interface ServerRequestRow {
  id: string;
  kioskSeq: number;
  trackingCode: string;
}

/**
 * A kiosk in Chromium, enrolled with a real back office through the fault proxy, with the means
 * to queue requests, nudge the sync loop and look at both ends.
 */
export interface SyncRig {
  backoffice: RunningBackoffice;
  proxy: FaultProxy;
  kiosk: LaunchedKiosk;
  /** Requests queued through `queue`, in kiosk order. */
  queue(count: number, serviceId?: (index: number) => string): Promise<OutboxItem[]>;
  /** An `online` event: the sync loop syncs at once, cutting any backoff short. */
  nudge(): Promise<void>;
  outbox(): Promise<OutboxItem[]>;
  serverRequests(): ServerRequestRow[];
  /**
   * The back office's own sync figures (bench/syncFigures.ts), printed as one JSON line under `label`:
   * `redundantDeliveries` counted since the previous report of this rig, `storedTwice` over the whole database.
   */
  reportSyncFigures(label: string): ServerSyncFigures;
  /** Kills (or closes) the browser and opens the kiosk again on the same profile and origin. */
  relaunch(how: 'kill' | 'close'): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncRig(): Promise<SyncRig> {
  const backoffice = await startBackoffice();
  const proxy = await startFaultProxy(backoffice.url);
  const code = lastNonEmptyLine(await backoffice.cli(['demo-setup']));
  if (!code) throw new Error('demo-setup printed no enrolment code');
  const kioskPort = await freePort();
  const profileDir = await tempDir('fault-profile');
  const server: RunningKioskServer = await startKioskServer({ backofficeUrl: proxy.url, demoEnrolmentCode: code, port: kioskPort });
  let kiosk = await launchKiosk({ url: server.url, profileDir });
  const enrolled = () => waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'the kiosk enrolled itself with the demo code' });
  await enrolled();

  const readOnly = () => new Database(path.join(backoffice.dataDir, 'backoffice.sqlite'), { readonly: true, fileMustExist: true });
  let redundantSoFar = 0;

  return {
    backoffice,
    proxy,
    get kiosk() {
      return kiosk;
    },
    async queue(count, serviceId) {
      const trackingPrefix = (await metaValue(kiosk.page, 'trackingPrefix')) as string;
      const lastSeq = ((await metaValue(kiosk.page, 'kioskSeq')) as number | undefined) ?? 0;
      const items = queuedItems({ trackingPrefix, firstSeq: lastSeq + 1, count, serviceId });
      await putOutboxRows(kiosk.page, items);
      return items;
    },
    async nudge() {
      await kiosk.context.setOffline(true);
      await kiosk.context.setOffline(false);
    },
    outbox: () => outboxRows(kiosk.page),
    serverRequests() {
      const db = readOnly();
      try {
        return db.prepare<[], ServerRequestRow>('SELECT id, kiosk_seq AS kioskSeq, tracking_code AS trackingCode FROM requests ORDER BY rowid').all();
      } finally {
        db.close();
      }
    },
    reportSyncFigures(label) {
      const db = readOnly();
      try {
        const total = serverSyncFigures(db);
        // A database restored from a backup forgets the replays counted since: the count starts again from it.
        const redundantDeliveries = total.redundantDeliveries >= redundantSoFar ? total.redundantDeliveries - redundantSoFar : total.redundantDeliveries;
        redundantSoFar = total.redundantDeliveries;
        const figures = { redundantDeliveries, storedTwice: total.storedTwice };
        console.log(JSON.stringify({ faultTest: label, ...figures }));
        return figures;
      } finally {
        db.close();
      }
    },
    async relaunch(how) {
      await (how === 'kill' ? kiosk.kill() : kiosk.close());
      kiosk = await launchKiosk({ url: server.url, profileDir });
    },
    async close() {
      await kiosk.close();
      await server.close();
      await proxy.close();
      await backoffice.stop();
    },
  };
}

/**
 * Polls until `predicate` holds, sending an `online` event every few seconds meanwhile, as a
 * kiosk in the field keeps receiving triggers. A single trigger that lands while a cycle is
 * ending can be absorbed (the re-run finds the ending cycle's Web Lock still held and waits for
 * the 30-second heartbeat); repeating it keeps the tests quick without hiding a lost request.
 */
export function settle<T>(
  rig: SyncRig,
  predicate: () => T | Promise<T>,
  description: string | (() => string),
  { timeoutMs = 90_000, intervalMs = 200 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  let lastNudge = Date.now();
  return waitFor(
    async () => {
      const value = await predicate();
      if (!value && Date.now() - lastNudge > NUDGE_EVERY_MS) {
        lastNudge = Date.now();
        await rig.nudge();
      }
      return value;
    },
    { timeoutMs, intervalMs, description },
  );
}

const NUDGE_EVERY_MS = 3_000;

/** Waits until every given item is in one of `states` on the kiosk; resolves with the outbox. */
export function waitForStates(rig: SyncRig, ids: readonly string[], states: readonly OutboxItem['state'][], timeoutMs = 90_000): Promise<OutboxItem[]> {
  const wanted = new Set(ids);
  let seen = 'nothing read yet';
  return settle(
    rig,
    async () => {
      const rows = await rig.outbox();
      const ours = rows.filter((row) => wanted.has(row.id));
      seen = summarise(ours);
      return ours.length === wanted.size && ours.every((row) => states.includes(row.state)) ? rows : null;
    },
    () => `${ids.length} items ${states.join(' or ')} (last seen: ${seen}; proxy: ${JSON.stringify(rig.proxy.log.slice(-5))})`,
    { timeoutMs },
  );
}

/** "synced ×12, queued/timeout ×3": what a failed wait reports. */
function summarise(rows: readonly OutboxItem[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = row.lastError ? `${row.state}/${row.lastError}` : row.state;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key} ×${count}`).join(', ') || 'none of them';
}
