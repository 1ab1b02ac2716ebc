/**
 * `npm run bench:fleet`: a fleet of kiosks against a running back office, then a check from the
 * database that nothing was lost, stored twice, or missed by a kiosk's feed.
 *
 * K kiosks (FLEET_KIOSKS, default 1,000; FLEET_KIOSKS_PER_OFFICE to an office, default 5), each
 * with its own token, push their citizens' requests (1 to 3 at a time) at a jittered pace that
 * adds up to FLEET_PUSHES_PER_SECOND (default 200), pull the change feed every 30 s, and retry
 * the way the kiosk's sync engine does (its transport and backoff). Staff move requests on
 * meanwhile, so feeds carry more than `received`. The back office is the real CLI, `serve
 * --workers FLEET_INSTANCES` (default 2) on FLEET_ENGINE (postgres, the default, on a throw-away
 * durable cluster; or sqlite, one instance). Loopback only; the load lasts FLEET_SECONDS (default
 * 90), then kiosks drain their outboxes and pull a last time (at most 60 s more).
 * Then (FLEET_INGEST=0 to skip) one instance's ingest on PostgreSQL, batches of 500, validated,
 * pushed by FLEET_INGEST_KIOSKS kiosks at once (default 4), with SQLite's in the same run as the
 * baseline. Last line: one JSON object.
 * SHUBBAK_BENCH_CPU_PROF=<dir>: every back-office process (each worker) writes a V8 CPU profile
 * there when it stops, and the fleet prints when the load started; bench/fleet/profileWindows.ts
 * then compares where the workers' time went in the first seconds and later.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { measureIngest, type IngestMeasure } from '../backoffice/src/bench/ingest';
import { cpuSpent } from '../backoffice/src/bench/processCpu';
import { spawnServer, type ServerProcess } from '../backoffice/src/bench/serverProcess';
import { changeStatus } from '../backoffice/src/service/statusChange';
import { openStore, storeConfig, type StoreConfig } from '../backoffice/src/store/openStore';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../scripts/throwawayPostgres';
import { checkFleet } from './fleet/fleetVerify';
import { seedFleet } from './fleet/fleetSetup';
import { startBurstSampler, type BurstSampler } from './fleet/burstSampler';
import { printStatementStats, startStatementStats, STATEMENT_STATS_SETTINGS } from './fleet/pgStatements';
import { SimKiosk, type FleetTally } from './fleet/simKiosk';
import { percentile, round } from './stats';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const KIOSKS = env('FLEET_KIOSKS', 1_000);
const PER_OFFICE = env('FLEET_KIOSKS_PER_OFFICE', 5);
const PUSHES_PER_SECOND = env('FLEET_PUSHES_PER_SECOND', 200);
const LOAD_SECONDS = env('FLEET_SECONDS', 90);
const ENGINE = process.env.FLEET_ENGINE === 'sqlite' ? 'sqlite' : 'postgres';
const INSTANCES = ENGINE === 'sqlite' ? 1 : env('FLEET_INSTANCES', 2);
const MEASURE_INGEST = process.env.FLEET_INGEST !== '0';
/** Kiosks pushing their batches of 500 at once in the ingest measure (an instance serves many; 1: one kiosk's backlog). */
const INGEST_KIOSKS = env('FLEET_INGEST_KIOSKS', 4);
/** FLEET_PG_STATEMENTS=1: PostgreSQL's most expensive statements of the run, on stderr (pg_stat_statements). */
const STATEMENT_STATS = process.env.FLEET_PG_STATEMENTS === '1';
/** FLEET_PG_DURABLE=0: fsync and synchronous_commit off, to see what the disk's flushes cost (never for figures to compare). */
const DURABLE = process.env.FLEET_PG_DURABLE !== '0';
/** FLEET_BURST=1: per second of the first 15, the pushes' p99 and PostgreSQL's backends and wait events, on stderr (burstSampler.ts). */
const BURST = process.env.FLEET_BURST === '1';
const BURST_SECONDS = 15;
const PULL_INTERVAL_MS = 30_000;
const DRAIN_MS = 60_000;
/** Staff status changes per second. */
const STAFF_CHANGES_PER_SECOND = 3;

/**
 * Staff move requests on through the set-status service (as `backoffice set-status` does), on a
 * store of their own: the global staff tokens are gone, and a console session would add password
 * hashing to every figure. What the kiosks' feeds must carry is the same.
 */
async function staffLoop(config: StoreConfig, kiosks: readonly SimKiosk[], until: number): Promise<{ changed: number; failed: number }> {
  const store = await openStore(config);
  const moved = new Set<string>();
  let changed = 0;
  let failed = 0;
  try {
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 1000 / STAFF_CHANGES_PER_SECOND));
      const kiosk = kiosks[Math.floor(Math.random() * kiosks.length)]!;
      const candidate = [...kiosk.acknowledged.values()].find((code) => !moved.has(code));
      if (!candidate) continue;
      moved.add(candidate);
      const done = await changeStatus(store, { trackingCode: candidate, status: 'inReview', by: 'staff:fleet', now: new Date() }).then(
        () => true,
        () => false,
      );
      if (done) changed++;
      else failed++;
    }
  } finally {
    await store.close();
  }
  return { changed, failed };
}

/** The latencies of each window of `windowMs` after `fromMs`, by when their push started. */
function byWindow(latenciesMs: readonly number[], startedAtMs: readonly number[], fromMs: number, windowMs: number): number[][] {
  const windows: number[][] = [];
  latenciesMs.forEach((latency, i) => {
    const index = Math.max(0, Math.floor((startedAtMs[i]! - fromMs) / windowMs));
    for (let w = windows.length; w <= index; w++) windows.push([]);
    windows[index]!.push(latency);
  });
  return windows;
}

function p99ByWindow(latenciesMs: readonly number[], startedAtMs: readonly number[], fromMs: number): (number | null)[] {
  return byWindow(latenciesMs, startedAtMs, fromMs, 10_000).map((window) => (window.length === 0 ? null : round(percentile(window, 99), 0)));
}

/** CPU seconds between two readings, or null when either is unknown. */

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-fleet-'));
  let cluster: ThrowawayPostgres | null = null;
  let server: ServerProcess | null = null;
  try {
    // Durable: the figures are those of a server that keeps what it acknowledges (synchronous_commit on).
    cluster = ENGINE === 'postgres' ? await startThrowawayPostgres({ durable: DURABLE, settings: STATEMENT_STATS ? STATEMENT_STATS_SETTINGS : {} }) : null;
    const config: StoreConfig = storeConfig({ dataDir, database: cluster ? await cluster.createDatabase('fleet') : undefined });
    console.error(`seeding ${KIOSKS} kiosks on ${ENGINE}…`);
    const seeded = await seedFleet(config, KIOSKS, PER_OFFICE);
    const args = [...(cluster ? ['--database', cluster.url('fleet')] : []), ...(INSTANCES > 1 ? ['--workers', String(INSTANCES)] : [])];
    if (cluster && STATEMENT_STATS) await startStatementStats(cluster.url('fleet'));
    server = await spawnServer(dataDir, args);
    const serverProcess = server;
    const cpu = {
      client: () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1e6;
      },
      server: () => serverProcess.cpuSeconds(),
      database: () => cluster?.cpuSeconds() ?? null,
    };
    const burst: BurstSampler | null = cluster && BURST ? await startBurstSampler(cluster.url('fleet'), BURST_SECONDS, cpu) : null;
    const tally: FleetTally = { pushLatenciesMs: [], pushStartedAtMs: [], serverPushMs: [], serverPushStartedAtMs: [], errors: {}, pushes: 0, requestsArrived: 0, pulls: 0, serverErrors: 0 };
    const kiosks = seeded.kiosks.map((identity) => new SimKiosk(identity, server!.url, tally));
    // The fleet's own process: a saturated client would show up here, not as the server's latency.
    const loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const serverCpuBefore = server.cpuSeconds();
    const databaseCpuBefore = cluster?.cpuSeconds() ?? null;
    const started = Date.now();
    const startedAtMs = performance.now();
    const pace = {
      meanPushIntervalMs: (KIOSKS / PUSHES_PER_SECOND) * 1000,
      pullIntervalMs: PULL_INTERVAL_MS,
      loadUntil: started + LOAD_SECONDS * 1000,
      drainUntil: started + LOAD_SECONDS * 1000 + DRAIN_MS,
    };
    console.error(`${KIOSKS} kiosks, ${INSTANCES} instance(s), ${LOAD_SECONDS} s of load…`);
    // The load's start on the monotonic clock V8's CPU profiles use (µs): bench/fleet/profileWindows.ts cuts them there.
    if (process.env.SHUBBAK_BENCH_CPU_PROF) console.error(`load started at ${process.hrtime.bigint() / 1000n} µs (monotonic)`);
    const [, staff] = await Promise.all([Promise.all(kiosks.map((kiosk) => kiosk.run(pace))), staffLoop(config, kiosks, pace.loadUntil)]);
    const pushesUnderLoad = tally.pushes;
    const clientCpu = process.cpuUsage(cpuBefore);
    const clientCpuSeconds = (clientCpu.user + clientCpu.system) / 1e6;
    const serverCpuSeconds = cpuSpent(serverCpuBefore, server.cpuSeconds());
    const databaseCpuSeconds = cpuSpent(databaseCpuBefore, cluster?.cpuSeconds() ?? null);
    const loadWallSeconds = (Date.now() - started) / 1000;
    loopDelay.disable();
    await burst?.stop();
    burst?.print(tally, startedAtMs);
    await Promise.all(kiosks.map((kiosk) => kiosk.finalPull(Date.now() + DRAIN_MS)));
    await server.stop();
    server = null;
    const check = await checkFleet(config, kiosks);
    if (cluster && STATEMENT_STATS) await printStatementStats(cluster.url('fleet'));

    let ingest: Record<string, unknown> = {};
    if (MEASURE_INGEST) {
      console.error('ingest of one instance, batches of 500…');
      const sqlite = await measureIngest({ count: 20_000, batchSize: 500, kiosks: INGEST_KIOSKS });
      const postgresCluster = cluster;
      const postgres = postgresCluster
        ? await measureIngest({
            count: 20_000,
            batchSize: 500,
            kiosks: INGEST_KIOSKS,
            databaseUrl: await postgresCluster.createDatabase('ingest'),
            databaseCpuSeconds: () => postgresCluster.cpuSeconds(),
          })
        : null;
      ingest = {
        ingestKiosks: INGEST_KIOSKS,
        pgIngestPerSecond: postgres?.requestsPerSecond ?? null,
        pgIngestPerCpuSecond: postgres?.requestsPerCpuSecond ?? null,
        sqliteIngestPerSecond: sqlite.requestsPerSecond,
        sqliteIngestPerCpuSecond: sqlite.requestsPerCpuSecond,
        pgToSqliteIngestRatio: postgres ? round(postgres.requestsPerSecond / sqlite.requestsPerSecond) : null,
        pgIngestCpuMicrosecondsPerRequest: postgres?.cpuMicrosecondsPerRequest ?? null,
        ...ingestCeilings(postgres?.cpuMicrosecondsPerRequest),
      };
    }

    const latencies = tally.pushLatenciesMs;
    const result = {
      engine: ENGINE,
      durable: ENGINE === 'sqlite' || DURABLE,
      instances: INSTANCES,
      kiosks: KIOSKS,
      offices: Math.ceil(KIOSKS / PER_OFFICE),
      loadSeconds: LOAD_SECONDS,
      targetPushesPerSecond: PUSHES_PER_SECOND,
      pushesPerSecond: round(pushesUnderLoad / LOAD_SECONDS, 1),
      // The offered load: arrivals do not wait for answers, so a slow server shows as fewer, larger pushes, not as fewer requests.
      requestsArrivedPerSecond: round(tally.requestsArrived / LOAD_SECONDS, 1),
      pushCalls: latencies.length,
      p50PushMs: round(percentile(latencies, 50), 1),
      p95PushMs: round(percentile(latencies, 95), 1),
      p99PushMs: round(percentile(latencies, 99), 1),
      // Where in the run the slow pushes were: a start-up burst, a stall, or all along.
      p99PushMsBy10Seconds: p99ByWindow(tally.pushLatenciesMs, tally.pushStartedAtMs, startedAtMs),
      // The back office's own share (Server-Timing): the rest of a push's time was spent before
      // Fastify had the request (connection, the instance's busy event loop) or in the client.
      serverP99PushMs: tally.serverPushMs.length > 0 ? round(percentile(tally.serverPushMs, 99), 1) : null,
      serverP99PushMsBy10Seconds: p99ByWindow(tally.serverPushMs, tally.serverPushStartedAtMs, startedAtMs),
      pulls: tally.pulls,
      staffChanges: staff.changed,
      staffFailures: staff.failed,
      errorsByClass: tally.errors,
      serverErrors: tally.serverErrors,
      acknowledged: kiosks.reduce((sum, kiosk) => sum + kiosk.acknowledged.size, 0),
      unsentAtEnd: kiosks.reduce((sum, kiosk) => sum + kiosk.unsent, 0),
      clientCpuSeconds: round(clientCpuSeconds, 1),
      // Under load, per push answered: what each part costs, whatever the machine's other work
      // (the machine's share tells whether the run was CPU-bound: 1 means every core was busy).
      serverCpuSeconds: serverCpuSeconds === null ? null : round(serverCpuSeconds, 1),
      databaseCpuSeconds: databaseCpuSeconds === null ? null : round(databaseCpuSeconds, 1),
      cpuMsPerPush: {
        client: round((clientCpuSeconds * 1000) / pushesUnderLoad, 2),
        server: serverCpuSeconds === null ? null : round((serverCpuSeconds * 1000) / pushesUnderLoad, 2),
        database: databaseCpuSeconds === null ? null : round((databaseCpuSeconds * 1000) / pushesUnderLoad, 2),
      },
      cpuShareOfMachine: round((clientCpuSeconds + (serverCpuSeconds ?? 0) + (databaseCpuSeconds ?? 0)) / (loadWallSeconds * availableParallelism()), 2),
      clientLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6, 1),
      loadAverage: round(loadavg()[0] ?? 0, 1),
      ...check,
      ...ingest,
    };
    console.log(JSON.stringify(result));
  } finally {
    await server?.stop();
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

/**
 * The most requests per second this machine's cores could ingest on PostgreSQL if they did
 * nothing else, from the CPU each party spent per request: with the pushing client on the same
 * cores (as this benchmark must run) and without it (kiosks elsewhere, as deployed). A rate above
 * the first is out of reach here whatever the code's latency.
 */
function ingestCeilings(perRequest: IngestMeasure['cpuMicrosecondsPerRequest'] | undefined) {
  if (!perRequest || perRequest.server === null || perRequest.database === null) {
    return { pgIngestCeilingPerSecond: null, pgIngestCeilingPerSecondWithoutClient: null };
  }
  const cores = availableParallelism();
  const backOffice = perRequest.server + perRequest.database;
  return {
    pgIngestCeilingPerSecond: Math.round((cores * 1e6) / (backOffice + perRequest.client)),
    pgIngestCeilingPerSecondWithoutClient: Math.round((cores * 1e6) / backOffice),
  };
}
