/**
 * `npm run bench:sync`: how fast a backlog leaves the kiosk, and whether all of it arrives once.
 * 10,000 requests are queued in the kiosk's IndexedDB (in Chromium, the built app) while it is
 * offline; the clock starts when it comes back online and stops when every item is acknowledged.
 * Then the same backlog is replayed one request per POST (a per-request background-sync queue,
 * removals committed with the browser's default durability, then again with `strict`) against
 * fresh back offices, and the back office's ingest is measured alone, beside a bare Fastify +
 * better-sqlite3 upsert of the same batches. `drainRatio` = drainSeconds × ingestPerSecond / count
 * judges the drain against the server measured in the same run (target ≤ 2.7).
 * Prints one JSON object as its last line. BENCH_COUNT changes the backlog size.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { lastNonEmptyLine } from '../scripts/processes';
import { runBackofficeCli } from '../scripts/backofficeProcess';
import { startBackoffice, DATABASE_FILE, type RunningBackoffice } from '../backoffice/src/server';
import { measureIngest } from '../backoffice/src/bench/ingest';
import { serverSyncFigures, type ServerSyncFigures } from '../backoffice/src/bench/syncFigures';
import { measureBareUpsert } from './bareUpsert';
import { closeOutboxProbe, freePort, launchKiosk, metaValue, outboxHasPending, outboxStateCounts, putOutboxRows, startKioskServer, tempDir, waitFor } from '../tests/e2e/harness';
import { queuedItems } from '../tests/fault/requests';
import { replaySequentially } from './sequentialReplay';

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
/** The benchmark measures throughput, not the limiter: far above any real kiosk's pace. */
const RAISED_LIMITS = { max: 10_000_000, timeWindowMs: 60_000, enrolMax: 1_000 };

async function backofficeOn(port: number): Promise<{ server: RunningBackoffice; dataDir: string; code: string }> {
  const dataDir = await tempDir('bench-backoffice');
  const server = await startBackoffice({ dataDir, port, host: '127.0.0.1', rateLimit: RAISED_LIMITS });
  const code = lastNonEmptyLine(await runBackofficeCli(['demo-setup', '--data', dataDir]));
  if (!code) throw new Error('demo-setup printed no code');
  return { server, dataDir, code };
}

/** From the back office's own tables: how many of the kiosk's requests it holds, and its sync figures (syncFigures.ts). */
function serverCounts(dataDir: string, ids: ReadonlySet<string>): { ours: number } & ServerSyncFigures {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const stored = db.prepare<[], string>('SELECT id FROM requests').pluck().all();
    return { ours: new Set(stored.filter((id) => ids.has(id))).size, ...serverSyncFigures(db) };
  } finally {
    db.close();
  }
}

/** A fresh back office on the same port, a kiosk enrolled on it, the backlog replayed one request per POST. */
async function sequentialBaseline(port: number, page: Parameters<typeof replaySequentially>[0], requests: Parameters<typeof replaySequentially>[3], ids: ReadonlySet<string>, durability: 'default' | 'strict') {
  const backoffice = await backofficeOn(port);
  try {
    const enrolment = await fetch(`${backoffice.server.url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: backoffice.code, kioskLabel: `bench baseline ${durability}` }),
    });
    const { deviceToken } = (await enrolment.json()) as { deviceToken: string };
    const replay = await replaySequentially(page, `${backoffice.server.url}/api/v1/requests/push`, deviceToken, requests, durability);
    return { ...replay, lost: ids.size - serverCounts(backoffice.dataDir, ids).ours };
  } finally {
    await backoffice.server.close();
  }
}

async function main(): Promise<void> {
  const port = await freePort();
  const first = await backofficeOn(port);
  const kioskServer = await startKioskServer({ backofficeUrl: first.server.url, demoEnrolmentCode: first.code, port: await freePort() });
  const kiosk = await launchKiosk({ url: kioskServer.url });
  try {
    await waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'enrolment' });
    await kiosk.context.setOffline(true);
    const trackingPrefix = (await metaValue(kiosk.page, 'trackingPrefix')) as string;
    const firstSeq = (((await metaValue(kiosk.page, 'kioskSeq')) as number | undefined) ?? 0) + 1;
    const items = queuedItems({ trackingPrefix, firstSeq, count: COUNT });
    await putOutboxRows(kiosk.page, items);
    await outboxHasPending(kiosk.page); // opens the probe's connection before the clock starts

    const started = performance.now();
    await kiosk.context.setOffline(false);
    // Done when nothing waits for an answer: an O(1) probe, so the observer does not compete with
    // the drain for IndexedDB. The states are counted once, after the clock stopped.
    await waitFor(async () => !(await outboxHasPending(kiosk.page)), { timeoutMs: 600_000, intervalMs: 50, description: 'backlog drained' });
    const drainSeconds = (performance.now() - started) / 1000;
    await closeOutboxProbe(kiosk.page);
    const kioskStates = await outboxStateCounts(kiosk.page);
    if (kioskStates.synced !== COUNT) console.error(`not all synced on the kiosk: ${JSON.stringify(kioskStates)}`);
    const ids = new Set(items.map((item) => item.id));
    const counts = serverCounts(first.dataDir, ids);
    await first.server.close();

    // The baselines, on fresh back offices at the same origin (the page's CSP allows that one),
    // from a page of the kiosk origin without the app, so the app's own sync does not compete.
    await kiosk.page.goto(new URL('kiosk-config.json', kioskServer.url).href);
    const requests = items.map((item) => item.request!);
    const sequential = await sequentialBaseline(port, kiosk.page, requests, ids, 'default');
    const strict = await sequentialBaseline(port, kiosk.page, requests, ids, 'strict');

    const ingest = await measureIngest({ count: COUNT, batchSize: 500 });
    const bare = await measureBareUpsert({ count: COUNT, batchSize: 500 });
    console.log(
      JSON.stringify({
        count: COUNT,
        drainSeconds: round(drainSeconds),
        requestsPerSecond: Math.round(COUNT / drainSeconds),
        lost: COUNT - counts.ours,
        kioskSynced: kioskStates.synced ?? 0,
        redundantDeliveries: counts.redundantDeliveries,
        storedTwice: counts.storedTwice,
        sequentialSeconds: round(sequential.seconds),
        sequentialFailures: sequential.failures,
        sequentialLost: sequential.lost,
        speedup: round(sequential.seconds / drainSeconds),
        sequentialStrictSeconds: round(strict.seconds),
        speedupStrict: round(strict.seconds / drainSeconds),
        ingestPerSecond: Math.round(ingest.requestsPerSecond),
        drainRatio: round((drainSeconds * ingest.requestsPerSecond) / COUNT),
        bareUpsertPerSecond: bare.requestsPerSecond,
        ingestToBareRatio: round(ingest.requestsPerSecond / bare.requestsPerSecond),
        ingestToBareCpuRatio: ingest.requestsPerCpuSecond && bare.requestsPerCpuSecond ? round(ingest.requestsPerCpuSecond / bare.requestsPerCpuSecond) : null,
      }),
    );
  } finally {
    await kiosk.close();
    await kioskServer.close();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
