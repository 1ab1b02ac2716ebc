/**
 * What a new connection costs `serve --workers 2` in CPU, under each of node:cluster's scheduling
 * policies, alternated: the primary handing each accepted socket to a worker over IPC (`rr`,
 * Node's default on Linux, which the back office keeps) or each worker accepting from the shared
 * socket (`none`, cheaper per connection but no faster for the fleet: docs/performance.md). Each connection makes one health request and closes (20 at a time); the
 * server's CPU is read from /proc, which a loaded machine inflates far less than it does latency.
 *
 *   npx tsx bench/fleet/connectionCost.ts [connections, default 2000] [pairs, default 2]
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../../backoffice/src/bench/serverProcess';
import { startThrowawayPostgres } from '../../scripts/throwawayPostgres';
import { round } from '../stats';

const CONNECTIONS = Number(process.argv[2] ?? 2000);
const PAIRS = Number(process.argv[3] ?? 2);
const AT_ONCE = 20;

function health(url: string, agent: http.Agent | false): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/api/v1/health`, { agent }, (response) => {
        response.resume();
        response.on('end', resolve);
      })
      .on('error', reject);
  });
}

const cluster = await startThrowawayPostgres();
try {
  for (let run = 0; run < PAIRS * 2; run++) {
    const policy = run % 2 === 0 ? 'rr' : 'none';
    const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-connections-'));
    process.env.NODE_CLUSTER_SCHED_POLICY = policy;
    const server = await spawnServer(dataDir, ['--database', await cluster.createDatabase(`connections_${run}`), '--workers', '2', '--rate-limit', 'off']);
    try {
      // Warm: the route's code is optimised before the connections are counted.
      const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 10 });
      for (let i = 0; i < 500; i++) await health(server.url, keepAlive);
      keepAlive.destroy();
      const load = loadavg()[0] ?? 0;
      const before = server.cpuSeconds() ?? 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          while (next++ < CONNECTIONS) await health(server.url, false);
        }),
      );
      const cpuSeconds = (server.cpuSeconds() ?? 0) - before;
      console.log(JSON.stringify({ policy, connections: CONNECTIONS, serverCpuMsPerConnection: round((cpuSeconds * 1000) / CONNECTIONS, 3), loadAverage: round(load, 1) }));
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
} finally {
  await cluster.stop();
}
