import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { processTreeCpuSeconds } from './processCpu';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  /** CPU seconds the server has used so far, its cluster's workers included (Linux /proc), or null where unknown. */
  cpuSeconds(): number | null;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * The real back office in a process of its own (`serve`, through tsx's loader), as in
 * production: the benchmark's client then does not share the server's thread.
 */
export async function spawnServer(dataDir: string, args: readonly string[] = []): Promise<ServerProcess> {
  // SHUBBAK_BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (where the time goes).
  const profile = process.env.SHUBBAK_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SHUBBAK_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', CLI, 'serve', '--port', '0', '--data', dataDir, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([once(lines, 'line'), exited.then(() => [''])])) as [string];
  const url = /^Back office listening on (\S+)$/.exec(first)?.[1];
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`the back office did not start: ${first}`);
  }
  return {
    url,
    cpuSeconds: () => processTreeCpuSeconds(child.pid),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
