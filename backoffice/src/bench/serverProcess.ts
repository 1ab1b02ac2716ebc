import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  /** The process id (with `--workers`, the primary's: its workers are its children). */
  pid: number | undefined;
  /** CPU seconds the server process has used so far (Linux /proc), or null where unknown. */
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
    pid: child.pid,
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ, 100 on every mainstream kernel). */
const USER_HZ = 100;

export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return null;
  }
}
