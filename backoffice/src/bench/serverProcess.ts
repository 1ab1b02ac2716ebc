import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { processTreeCpuSeconds } from './processCpu';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** How long the back office may take to say where it listens (migrations included) before the benchmark gives up. */
export const SERVER_START_TIMEOUT_MS = 120_000;
/** The end of the server's stderr kept for the error of a failed start. */
const STDERR_TAIL_CHARS = 4_000;

export interface ServerProcess {
  url: string;
  /** CPU seconds the server has used so far, its cluster's workers included (Linux /proc), or null where unknown. */
  cpuSeconds(): number | null;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * The real back office in a process of its own (`serve`, through tsx's loader), as in
 * production: the benchmark's client then does not share the server's thread. Its stderr goes
 * on to ours as it comes; when it does not start (it exits, prints something else first, or
 * says nothing within `startTimeoutMs`), the promise rejects at once with the end of that stderr.
 */
export async function spawnServer(dataDir: string, args: readonly string[] = [], startTimeoutMs = SERVER_START_TIMEOUT_MS): Promise<ServerProcess> {
  // SHUBBAK_BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (where the
  // time goes); with --workers, each worker writes its own (node:cluster forks with the same flags).
  const profile = process.env.SHUBBAK_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SHUBBAK_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', CLI, 'serve', '--port', '0', '--data', dataDir, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderrTail = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  // 'close', not 'exit': the last of stderr has then been read.
  const closed = once(child, 'close');
  const lines = createInterface({ input: child.stdout });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), startTimeoutMs)));
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    closed.then(([code, signal]) => `exited (${String(code ?? signal)})`),
    timedOut,
  ]);
  clearTimeout(timer);
  const url = /^Back office listening on (\S+)$/.exec(first)?.[1];
  if (!url) {
    child.kill('SIGKILL');
    await closed;
    const said = first === 'timeout' ? `said nothing within ${startTimeoutMs / 1000} s` : first;
    throw new Error(`the back office did not start: ${said}\n${stderrTail.trimEnd() || '(nothing on stderr)'}`);
  }
  return {
    url,
    cpuSeconds: () => processTreeCpuSeconds(child.pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await closed;
    },
  };
}
