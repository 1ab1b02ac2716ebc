import pg from 'pg';
import { percentile, round } from '../stats';
import type { FleetTally } from './simKiosk';

/**
 * FLEET_BURST=1: what the first seconds of a fleet run look like, on stderr beside the JSON line.
 * Per second of the run (by when a push started): pushes, their p99, and what PostgreSQL's
 * backends of the fleet's database were doing, sampled every 100 ms from `pg_stat_activity`
 * (connections open, active, and the wait events of the active ones). Diagnosis only: the
 * sampler's own connection and queries are one more client of the database.
 */
export interface BurstSampler {
  stop(): Promise<void>;
  print(tally: FleetTally, startedAtMs: number): void;
}

interface Second {
  samples: number;
  connections: number;
  active: number;
  /** Connections inside a transaction waiting for their instance (its event loop, its next statement). */
  idleInTransaction: number;
  waits: Map<string, number>;
}

/** CPU seconds used so far by each party of the run (null where unknown). */
export interface CpuReaders {
  client: () => number;
  server: () => number | null;
  database: () => number | null;
}

const LAG_TICK_MS = 20;

type CpuReading = { client: number; server: number | null; database: number | null };

const readCpu = (readers: CpuReaders): CpuReading => ({ client: readers.client(), server: readers.server(), database: readers.database() });

export async function startBurstSampler(url: string, seconds: number, cpu: CpuReaders): Promise<BurstSampler> {
  const client = new pg.Client(url);
  await client.connect();
  const startedAt = Date.now();
  const perSecond: Second[] = [];
  // CPU readings at the start of each second (the sampler's clock), the first one now.
  const cpuAt: CpuReading[] = [readCpu(cpu)];
  // The fleet's own event loop, per second: how late a 20-ms timer fired at worst. A late timer
  // means the simulator itself was busy, so that second's latencies are partly the client's.
  const lagMsAt: number[] = [];
  let tickAt = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    const index = Math.floor((now - startedAt) / 1000);
    lagMsAt[index] = Math.max(lagMsAt[index] ?? 0, now - tickAt - LAG_TICK_MS);
    tickAt = now;
  }, LAG_TICK_MS);
  let stopped = false;
  const loop = (async () => {
    while (!stopped && Date.now() - startedAt < seconds * 1000) {
      const { rows } = await client.query<{ state: string | null; wait: string | null }>(
        `SELECT state, wait_event_type || ':' || wait_event AS wait FROM pg_stat_activity
         WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      const index = Math.floor((Date.now() - startedAt) / 1000);
      while (cpuAt.length <= index) cpuAt.push(readCpu(cpu));
      const second = (perSecond[index] ??= { samples: 0, connections: 0, active: 0, idleInTransaction: 0, waits: new Map() });
      second.samples++;
      second.connections += rows.length;
      for (const row of rows) {
        if (row.state === 'idle in transaction') second.idleInTransaction++;
        if (row.state !== 'active') continue;
        second.active++;
        if (row.wait) second.waits.set(row.wait, (second.waits.get(row.wait) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      stopped = true;
      clearInterval(ticker);
      await loop;
      await client.end();
    },
    print({ pushLatenciesMs, pushStartedAtMs, serverPushMs, serverPushStartedAtMs }, startedAtMs) {
      console.error(
        'second: pushes, p99 ms, server p99 ms | CPU cores used by the fleet, the back office, PostgreSQL | fleet event loop worst lag ms | PostgreSQL connections, active, idle in transaction (means per sample), waits of active backends',
      );
      const cores = (s: number, party: keyof CpuReading) => {
        const [from, to] = [cpuAt[s]?.[party], cpuAt[s + 1]?.[party]];
        return from === undefined || to === undefined || from === null || to === null ? '-' : (to - from).toFixed(2);
      };
      for (let s = 0; s < seconds; s++) {
        const latencies = pushLatenciesMs.filter((_, i) => Math.floor((pushStartedAtMs[i]! - startedAtMs) / 1000) === s);
        const server = serverPushMs.filter((_, i) => Math.floor((serverPushStartedAtMs[i]! - startedAtMs) / 1000) === s);
        const pg = perSecond[s];
        const mean = (n: number) => (pg && pg.samples > 0 ? round(n / pg.samples, 1) : null);
        const waits = pg ? [...pg.waits].sort((a, b) => b[1] - a[1]).map(([wait, n]) => `${wait} ${n}`).join(', ') : '';
        console.error(
          `${String(s).padStart(3)}: ${String(latencies.length).padStart(4)}, p99 ${String(latencies.length ? round(percentile(latencies, 99), 0) : '-').padStart(5)}, ` +
            `${String(server.length ? round(percentile(server, 99), 0) : '-').padStart(5)} | ` +
            `${cores(s, 'client')} ${cores(s, 'server')} ${cores(s, 'database')} | ${lagMsAt[s] ?? '-'} | ` +
            `${mean(pg?.connections ?? 0)}, ${mean(pg?.active ?? 0)}, ${mean(pg?.idleInTransaction ?? 0)} | ${waits}`,
        );
      }
    },
  };
}
