import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { enrolResponseSchema, MAX_PUSH_BATCH, type PushResponse } from '../../../src/domain/syncProtocol';
import { createOffice, enrolCode, type CommandContext } from '../cli/commands';
import { openStore, storeConfig } from '../store/openStore';
import { BENCH_CATALOGUE, benchRequest } from './benchRequests';
import { cpuSpent } from './processCpu';
import { spawnServer, type ServerProcess } from './serverProcess';

export interface IngestMeasure {
  count: number;
  batchSize: number;
  /** Kiosks pushing at once, each one batch at a time (1: one kiosk's backlog alone). */
  kiosks: number;
  /** Requests pushed before the clock started, so the figure is the warm server's (a back office runs for months). */
  warmupRequests: number;
  seconds: number;
  requestsPerSecond: number;
  /**
   * Requests per CPU second of the server process during the measure (null off Linux): what the
   * server could do with a core to itself, a steadier figure than the wall clock on a busy machine.
   */
  requestsPerCpuSecond: number | null;
  /**
   * CPU microseconds per request of each party during the measure (null where not measured): the
   * instance, the database server (PostgreSQL's processes; SQLite runs inside the instance) and
   * the pushing client. Their sum says how many requests per second a machine's cores can carry
   * at most, whatever else runs beside them.
   */
  cpuMicrosecondsPerRequest: { server: number | null; database: number | null; client: number };
}

/**
 * Requests per second ingested by the back office alone: the real server (`serve`, its own
 * process, rate limit off) on loopback over a fresh temporary data directory (or the empty
 * PostgreSQL database given), real HTTP, `kiosks` kiosks (1 by default), each enrolled with its
 * own token, pushing `count` requests between them in batches of `batchSize` (each checked,
 * upserted by id and logged in one transaction), each kiosk one batch at a time as its sync
 * engine does, the kiosks at once as an instance serving an office's or a province's kiosks
 * sees them. Bodies are built before the clock starts, so only the server is measured.
 */
export async function measureIngest({
  count,
  batchSize = MAX_PUSH_BATCH,
  warmupBatches = 4,
  kiosks = 1,
  databaseUrl,
  databaseCpuSeconds,
}: {
  count: number;
  batchSize?: number;
  warmupBatches?: number;
  kiosks?: number;
  /** An empty PostgreSQL database to measure on; the SQLite file of a temporary data folder when absent. */
  databaseUrl?: string;
  /** CPU seconds used so far by the database server's processes (a throw-away cluster's), to measure its share. */
  databaseCpuSeconds?: () => number | null;
}): Promise<IngestMeasure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-ingest-'));
  let server: ServerProcess | null = null;
  try {
    const store = await openStore(storeConfig({ dataDir, database: databaseUrl }));
    const context: CommandContext = { store, now: () => new Date(), print: () => undefined, defaultCatalogue: () => BENCH_CATALOGUE };
    await createOffice(context, { id: 'bench', name: 'Bench office' });
    const codes: string[] = [];
    for (let i = 0; i < kiosks; i++) codes.push(await enrolCode(context, 'bench'));
    await store.close();

    server = await spawnServer(dataDir, ['--rate-limit', 'off', ...(databaseUrl ? ['--database', databaseUrl] : [])]);
    const enrolled: PushingKiosk[] = [];
    for (const [i, code] of codes.entries()) {
      const answer = await fetch(`${server.url}/api/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, kioskLabel: `bench kiosk ${i + 1}` }),
      });
      const kiosk = enrolResponseSchema.parse(await answer.json());
      enrolled.push({ token: kiosk.deviceToken, trackingPrefix: kiosk.trackingPrefix });
    }
    const pushUrl = `${server.url}/api/v1/requests/push`;
    return await timePushes({ pushUrl, kiosks: enrolled, count, batchSize, warmupBatches, server, databaseCpuSeconds });
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A kiosk of an ingest measure: its token and the prefix of its tracking codes. */
export interface PushingKiosk {
  token: string;
  trackingPrefix: string;
}

/**
 * The client side of an ingest measure, shared with the bare baseline (bench/bareUpsert.ts): the
 * same bodies, built and encoded before the clock starts; each kiosk pushes its share one batch
 * at a time, the kiosks at once.
 */
export async function timePushes({
  pushUrl,
  kiosks,
  count,
  batchSize,
  warmupBatches,
  server,
  databaseCpuSeconds = () => null,
}: {
  pushUrl: string;
  kiosks: readonly PushingKiosk[];
  count: number;
  batchSize: number;
  warmupBatches: number;
  server: Pick<ServerProcess, 'cpuSeconds'>;
  databaseCpuSeconds?: () => number | null;
}): Promise<IngestMeasure> {
  const now = new Date().toISOString();
  const warmupRequests = warmupBatches * batchSize;
  const bodies = ({ trackingPrefix }: PushingKiosk, first: number, total: number) => {
    // Encoded up front: the client's own work should not weigh on the server's figure.
    const batches: Uint8Array<ArrayBuffer>[] = [];
    for (let start = first; start < first + total; start += batchSize) {
      const items = [];
      for (let seq = start; seq < Math.min(start + batchSize, first + total); seq++) items.push(benchRequest(trackingPrefix, seq, now));
      batches.push(new TextEncoder().encode(JSON.stringify({ items })));
    }
    return batches;
  };
  const push = async ({ token }: PushingKiosk, body: Uint8Array<ArrayBuffer>) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const response = await fetch(pushUrl, { method: 'POST', headers, body });
    // A light check on purpose, for the same reason.
    const { results } = (await response.json()) as PushResponse;
    const refused = response.status === 200 ? results.find((r) => r.outcome !== 'accepted') : { status: response.status };
    if (refused) throw new Error(`bench request not accepted: ${JSON.stringify(refused)}`);
  };

  // Each kiosk pushes in turn, one batch at a time: its sequence of batches is its sync engine's.
  const pushAll = (batchesOf: ReadonlyMap<PushingKiosk, Uint8Array<ArrayBuffer>[]>) =>
    Promise.all([...batchesOf].map(async ([kiosk, batches]) => {
      for (const body of batches) await push(kiosk, body);
    }));
  // The warm-up is one kiosk's: enough to compile the server's paths.
  await pushAll(new Map([[kiosks[0]!, bodies(kiosks[0]!, 1, warmupRequests)]]));
  const share = Math.ceil(count / kiosks.length);
  const measured = new Map(
    kiosks.map((kiosk, i) => {
      const first = i === 0 ? warmupRequests + 1 : 1;
      return [kiosk, bodies(kiosk, first, Math.min(share, count - i * share))] as const;
    }),
  );
  const cpuBefore = server.cpuSeconds();
  const databaseCpuBefore = databaseCpuSeconds();
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  await pushAll(measured);
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const cpu = cpuSpent(cpuBefore, server.cpuSeconds());
  const databaseCpu = cpuSpent(databaseCpuBefore, databaseCpuSeconds());
  const perRequest = (cpuSeconds: number | null) => (cpuSeconds === null ? null : Math.round((cpuSeconds * 1e6) / count));
  return {
    count,
    batchSize,
    kiosks: kiosks.length,
    warmupRequests,
    seconds,
    requestsPerSecond: Math.round(count / seconds),
    requestsPerCpuSecond: cpu ? Math.round(count / cpu) : null,
    cpuMicrosecondsPerRequest: {
      server: perRequest(cpu),
      database: perRequest(databaseCpu),
      client: Math.round((clientCpu.user + clientCpu.system) / count),
    },
  };
}
