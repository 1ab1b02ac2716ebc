/**
 * `npm run bench:push-cost`: what ONE push costs the machine, counted rather than timed, so the
 * figure holds on a loaded machine: CPU milliseconds of the back office's `serve` (its primary,
 * which idles, and its workers) and of PostgreSQL (server and backends) per push, and the
 * statements each push sends, from `pg_stat_statements`. PUSH_COST_KIOSKS kiosks (default 100, 5 to an office) push
 * PUSH_COST_PUSHES pushes (default 2,000) of PUSH_COST_BATCH requests (default 2) through the real
 * transport to `serve --workers 2` on a durable throw-away cluster; each kiosk waits
 * PUSH_COST_PAUSE_MS (default 500) between its pushes (a closed loop: a slow server is offered less).
 * PUSH_COST_SOCKET=1: the workers reach PostgreSQL by its Unix socket instead of loopback TCP.
 * SHUBBAK_BENCH_CPU_PROF=<dir> writes a CPU profile of each worker. Last line: one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { benchRequest } from '../backoffice/src/bench/benchRequests';
import { spawnServer, type ServerProcess } from '../backoffice/src/bench/serverProcess';
import { storeConfig } from '../backoffice/src/store/openStore';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../scripts/throwawayPostgres';
import { createTransport, type FetchLike } from '../src/sync/transport';
import { seedFleet } from './fleet/fleetSetup';
import { percentile, round } from './stats';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const KIOSKS = env('PUSH_COST_KIOSKS', 100);
const PUSHES = env('PUSH_COST_PUSHES', 2_000);
const BATCH = env('PUSH_COST_BATCH', 2);
const PAUSE_MS = env('PUSH_COST_PAUSE_MS', 500);
const WARM_UP_PUSHES = 2;
const OVER_SOCKET = process.env.PUSH_COST_SOCKET === '1';

const nodeFetch: FetchLike = (input, init) => {
  const { cache: _cache, ...rest } = init;
  return fetch(input, rest);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-push-cost-'));
  let cluster: ThrowawayPostgres | null = null;
  let server: ServerProcess | null = null;
  const admin = { client: null as pg.Client | null };
  try {
    cluster = await startThrowawayPostgres({ durable: true, settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } });
    const url = await cluster.createDatabase('pushcost');
    const seeded = await seedFleet(storeConfig({ dataDir, database: url }), KIOSKS, 5);
    const client = new pg.Client({ connectionString: url });
    admin.client = client;
    await client.connect();
    const { rows: sockets } = await client.query<{ unix_socket_directories: string }>('SHOW unix_socket_directories');
    const serverUrl = OVER_SOCKET ? `postgres://${new URL(url).username}@/pushcost?host=${encodeURIComponent(sockets[0]!.unix_socket_directories)}&port=${new URL(url).port}` : url;
    server = await spawnServer(dataDir, ['--database', serverUrl, '--workers', '2']);
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

    const kiosks = seeded.kiosks.map((identity) => ({
      identity,
      seq: 1,
      transport: createTransport({ baseUrl: server!.url, token: identity.token, timeoutMs: 20_000, fetch: nodeFetch }),
    }));
    const pushOnce = async (kiosk: (typeof kiosks)[number]) => {
      const now = new Date().toISOString();
      const batch = Array.from({ length: BATCH }, () => benchRequest(kiosk.identity.trackingPrefix, kiosk.seq++, now));
      const { results } = await kiosk.transport.push(batch);
      if (results.some((result) => result.outcome !== 'accepted')) throw new Error(`refused: ${JSON.stringify(results)}`);
    };
    // Warm-up: every kiosk's first pushes (JIT, pool connections, caches) are left out of the counts.
    for (let i = 0; i < WARM_UP_PUSHES; i++) await Promise.all(kiosks.map(pushOnce));

    await client.query('SELECT pg_stat_statements_reset()');
    // The server's primary idles; its workers do the work. PostgreSQL: the server and every backend.
    const workersBefore = server.cpuSeconds() ?? Number.NaN;
    const pgBefore = cluster.cpuSeconds() ?? Number.NaN;
    const clientBefore = process.cpuUsage();
    const latencies: number[] = [];
    let sent = 0;
    const started = performance.now();
    await Promise.all(
      kiosks.map(async (kiosk, index) => {
        await sleep((index / kiosks.length) * PAUSE_MS);
        while (sent < PUSHES) {
          sent++;
          const t0 = performance.now();
          await pushOnce(kiosk);
          latencies.push(performance.now() - t0);
          await sleep(PAUSE_MS);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const workersCpu = (server.cpuSeconds() ?? Number.NaN) - workersBefore;
    const pgCpu = (cluster.cpuSeconds() ?? Number.NaN) - pgBefore;
    const clientCpu = process.cpuUsage(clientBefore);
    const { rows: statements } = await client.query<{ query: string; calls: number; ms: number }>(
      `SELECT query, calls::int AS calls, round(total_exec_time::numeric, 1)::float AS ms FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
       ORDER BY calls DESC`,
    );
    const pushes = latencies.length;
    const calls = statements.reduce((sum, row) => sum + row.calls, 0);
    for (const row of statements.slice(0, 20)) console.error(`${(row.calls / pushes).toFixed(2)}/push ${row.ms} ms  ${row.query.replace(/\s+/g, ' ').slice(0, 140)}`);
    console.log(
      JSON.stringify({
        kiosks: KIOSKS,
        overSocket: OVER_SOCKET,
        batch: BATCH,
        pushes,
        pushesPerSecond: round(pushes / seconds, 1),
        p50PushMs: round(percentile(latencies, 50), 1),
        p99PushMs: round(percentile(latencies, 99), 1),
        workersCpuMsPerPush: round((workersCpu * 1000) / pushes, 3),
        postgresCpuMsPerPush: round((pgCpu * 1000) / pushes, 3),
        clientCpuMsPerPush: round((clientCpu.user + clientCpu.system) / 1000 / pushes, 3),
        statementsPerPush: round(calls / pushes, 2),
        loadAverage: round(loadavg()[0] ?? 0, 2),
      }),
    );
  } finally {
    await admin.client?.end();
    await server?.stop();
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
