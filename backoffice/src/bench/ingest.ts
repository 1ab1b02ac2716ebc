import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { enrolResponseSchema, MAX_PUSH_BATCH, type PushResponse } from '../../../src/domain/syncProtocol';
import { createOffice, enrolCode, type CommandContext } from '../cli/commands';
import { openStore, storeConfig } from '../store/openStore';
import { BENCH_CATALOGUE, benchRequest } from './benchRequests';
import { spawnServer, type ServerProcess } from './serverProcess';

export interface IngestMeasure {
  count: number;
  batchSize: number;
  /** Requests pushed before the clock started, so the figure is the warm server's (a back office runs for months). */
  warmupRequests: number;
  seconds: number;
  requestsPerSecond: number;
  /**
   * Requests per CPU second of the server process during the measure (null off Linux): what the
   * server could do with a core to itself, a steadier figure than the wall clock on a busy machine.
   */
  requestsPerCpuSecond: number | null;
}

/**
 * Requests per second ingested by the back office alone: the real server (`serve`, its own
 * process, rate limit off) on loopback over a fresh temporary data directory (or the empty
 * PostgreSQL database given), real HTTP, one
 * kiosk pushing `count` requests in batches of `batchSize` (each checked, upserted by id and
 * logged in one transaction). Bodies are built before the clock starts, so only the server is measured.
 */
export async function measureIngest({
  count,
  batchSize = MAX_PUSH_BATCH,
  warmupBatches = 4,
  databaseUrl,
}: {
  count: number;
  batchSize?: number;
  warmupBatches?: number;
  /** An empty PostgreSQL database to measure on; the SQLite file of a temporary data folder when absent. */
  databaseUrl?: string;
}): Promise<IngestMeasure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-ingest-'));
  let server: ServerProcess | null = null;
  try {
    const store = await openStore(storeConfig({ dataDir, database: databaseUrl }));
    const context: CommandContext = { store, now: () => new Date(), print: () => undefined, defaultCatalogue: () => BENCH_CATALOGUE };
    await createOffice(context, { id: 'bench', name: 'Bench office' });
    const code = await enrolCode(context, 'bench');
    await store.close();

    server = await spawnServer(dataDir, ['--rate-limit', 'off', ...(databaseUrl ? ['--database', databaseUrl] : [])]);
    const enrolled = await fetch(`${server.url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, kioskLabel: 'bench kiosk' }),
    });
    const kiosk = enrolResponseSchema.parse(await enrolled.json());
    const pushUrl = `${server.url}/api/v1/requests/push`;
    return await timePushes({ pushUrl, token: kiosk.deviceToken, trackingPrefix: kiosk.trackingPrefix, count, batchSize, warmupBatches, server });
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The client side of an ingest measure, shared with the bare baseline (bench/bareUpsert.ts): the
 * same bodies, built and encoded before the clock starts, pushed one batch at a time.
 */
export async function timePushes({
  pushUrl,
  token,
  trackingPrefix,
  count,
  batchSize,
  warmupBatches,
  server,
}: {
  pushUrl: string;
  token: string;
  trackingPrefix: string;
  count: number;
  batchSize: number;
  warmupBatches: number;
  server: Pick<ServerProcess, 'cpuSeconds'>;
}): Promise<IngestMeasure> {
  const now = new Date().toISOString();
  const warmupRequests = warmupBatches * batchSize;
  const bodies = (first: number, total: number) => {
    // Encoded up front: the client's own work should not weigh on the server's figure.
    const batches: Uint8Array<ArrayBuffer>[] = [];
    for (let start = first; start < first + total; start += batchSize) {
      const items = [];
      for (let seq = start; seq < Math.min(start + batchSize, first + total); seq++) items.push(benchRequest(trackingPrefix, seq, now));
      batches.push(new TextEncoder().encode(JSON.stringify({ items })));
    }
    return batches;
  };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const push = async (body: Uint8Array<ArrayBuffer>) => {
    const response = await fetch(pushUrl, { method: 'POST', headers, body });
    // A light check on purpose, for the same reason.
    const { results } = (await response.json()) as PushResponse;
    const refused = response.status === 200 ? results.find((r) => r.outcome !== 'accepted') : { status: response.status };
    if (refused) throw new Error(`bench request not accepted: ${JSON.stringify(refused)}`);
  };

  for (const body of bodies(1, warmupRequests)) await push(body);
  const measured = bodies(warmupRequests + 1, count);
  const cpuBefore = server.cpuSeconds();
  const started = performance.now();
  for (const body of measured) await push(body);
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = server.cpuSeconds();
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return {
    count,
    batchSize,
    warmupRequests,
    seconds,
    requestsPerSecond: Math.round(count / seconds),
    requestsPerCpuSecond: cpu ? Math.round(count / cpu) : null,
  };
}
