/**
 * What the first pushes after a start cost `serve --workers 2` on PostgreSQL, with the instances'
 * warm-up (service/warmUp.ts) and without it (SHUBBAK_WARM_UP=off), alternated. 200 offices of 2
 * kiosks: every kiosk pushes once (the first push of each office on each instance, as after a
 * restart), then once more (the same work, warm). Pushes go 4 at a time, so that they do not
 * queue: what is measured is the server's CPU per push (/proc, which a loaded machine inflates far
 * less than it does latency) and its own time (Server-Timing), for the first round and the second.
 *
 *   npx tsx bench/fleet/firstPushCost.ts [pairs, default 2] [the warm-up set against off: on (default) or catalogues]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRequest } from '../../backoffice/src/bench/benchRequests';
import { spawnServer, type ServerProcess } from '../../backoffice/src/bench/serverProcess';
import { storeConfig } from '../../backoffice/src/store/openStore';
import { API_PREFIX } from '../../src/domain/syncProtocol';
import { startThrowawayPostgres } from '../../scripts/throwawayPostgres';
import { percentile, round } from '../stats';
import { seedFleet } from './fleetSetup';
import type { KioskIdentity } from './simKiosk';

const PAIRS = Number(process.argv[2] ?? 2);
const COMPARED = process.argv[3] ?? 'on';
const KIOSKS = 400;
const PER_OFFICE = 2;
const AT_ONCE = 4;

async function push(server: ServerProcess, kiosk: KioskIdentity, seq: number): Promise<number> {
  const now = new Date().toISOString();
  const response = await fetch(`${server.url}${API_PREFIX}/requests/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items: [benchRequest(kiosk.trackingPrefix, seq, now), benchRequest(kiosk.trackingPrefix, seq + 1, now)] }),
  });
  await response.text();
  if (response.status !== 200) throw new Error(`push answered ${response.status}`);
  return Number(/app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN);
}

/** Every kiosk pushes once, AT_ONCE at a time; the server's CPU ms per push and its own p50/p99 ms. */
async function pushRound(server: ServerProcess, kiosks: readonly KioskIdentity[], seq: number) {
  const before = server.cpuSeconds() ?? 0;
  const serverMs: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (next < kiosks.length) serverMs.push(await push(server, kiosks[next++]!, seq));
    }),
  );
  const cpuMs = ((server.cpuSeconds() ?? 0) - before) * 1000;
  return { cpuMsPerPush: round(cpuMs / kiosks.length, 2), serverP50Ms: round(percentile(serverMs, 50), 1), serverP99Ms: round(percentile(serverMs, 99), 1) };
}

const cluster = await startThrowawayPostgres();
try {
  // The client's own code (fetch, undici) loaded before anything is counted.
  await fetch('data:,warm');
  for (let run = 0; run < PAIRS * 2; run++) {
    const warmUp = run % 2 === 0 ? COMPARED : 'off';
    const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-first-push-'));
    const database = await cluster.createDatabase(`first_push_${run}`);
    const { kiosks } = await seedFleet(storeConfig({ dataDir, database }), KIOSKS, PER_OFFICE);
    process.env.SHUBBAK_WARM_UP = warmUp;
    const started = Date.now();
    const server = await spawnServer(dataDir, ['--database', database, '--workers', '2']);
    const startMs = Date.now() - started;
    try {
      const load = loadavg()[0] ?? 0;
      const first = await pushRound(server, kiosks, 1);
      const second = await pushRound(server, kiosks, 3);
      console.log(JSON.stringify({ warmUp, startMs, first, second, firstToSecondCpu: round(first.cpuMsPerPush / second.cpuMsPerPush, 2), loadAverage: round(load, 1) }));
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
} finally {
  await cluster.stop();
}
