import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { BACKOFFICE_CLI, REPO_ROOT } from './paths';
import { freePort, tempDir, waitFor } from './system';

export interface BackofficeOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
}

export interface RunningBackoffice {
  url: string;
  dataDir: string;
  /** SIGTERM: a graceful stop. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, mid-transaction if need be. */
  kill(): Promise<void>;
  /** Starts it again on the same data dir and port. */
  restart(): Promise<void>;
  /** Runs a back-office CLI command on the same data dir; resolves with its stdout. */
  cli(args: string[]): Promise<string>;
}

/**
 * One Node process running the TypeScript CLI through tsx's loader (`node --import tsx`), rather
 * than the `tsx` binary, which would put a second process between us and the server: a SIGKILL
 * must hit the server itself, as a real crash would.
 */
function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', BACKOFFICE_CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { stdout: () => stdout, stderr: () => stderr };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('api/v1/health', url), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}

/** Spawns the real back office (`serve --port --data`) and waits for its health endpoint. */
export async function startBackoffice(options: BackofficeOptions = {}): Promise<RunningBackoffice> {
  const dataDir = options.dataDir ?? (await tempDir('backoffice'));
  const port = options.port ?? (await freePort());
  const env = options.env ?? {};
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;

  async function launch(): Promise<void> {
    const started = spawnCli(['serve', '--port', String(port), '--data', dataDir], env);
    child = started;
    const output = collect(started);
    await waitFor(
      () => {
        if (started.exitCode !== null) {
          throw new Error(`back office exited with code ${started.exitCode}:\n${output.stderr()}${output.stdout()}`);
        }
        return healthy(url);
      },
      { timeoutMs: 60_000, intervalMs: 150, description: `back office health at ${url}` },
    ).catch((error: unknown) => {
      started.kill('SIGKILL');
      throw error;
    });
  }

  async function signal(name: NodeJS.Signals): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    running.kill(name);
    await exited(running);
  }

  await launch();
  return {
    url,
    dataDir,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    async restart() {
      await signal('SIGTERM');
      await launch();
    },
    async cli(args) {
      const run = spawnCli([...args, '--data', dataDir], env);
      const output = collect(run);
      // 'close', not 'exit': stdout may still be draining when the process exits.
      const [code] = (await once(run, 'close')) as [number | null];
      if (code !== 0) throw new Error(`backoffice ${args.join(' ')} exited with ${code}:\n${output.stderr()}`);
      return output.stdout();
    },
  };
}
