import type { ChildProcess } from 'node:child_process';
import { collectOutput, runBackofficeCli, spawnBackofficeCli, stopProcess, waitUntilHealthy } from '../../../scripts/backofficeProcess';
import { freePort, tempDir } from './system';

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

/** Spawns the real back office (`serve --port --data`) and waits for its health endpoint. */
export async function startBackoffice(options: BackofficeOptions = {}): Promise<RunningBackoffice> {
  const dataDir = options.dataDir ?? (await tempDir('backoffice'));
  const port = options.port ?? (await freePort());
  // The back office's street-name synthesis (espeak-ng, in the background) is off unless a test
  // asks for it: a test's kiosks then hold only the recordings it made, and no test pays for it.
  const env = { SHUBBAK_STREET_VOICES: 'off', ...options.env };
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;

  async function launch(): Promise<void> {
    const started = spawnBackofficeCli(['serve', '--port', String(port), '--data', dataDir], env);
    child = started;
    await waitUntilHealthy(started, collectOutput(started), url);
  }

  async function signal(name: NodeJS.Signals): Promise<void> {
    const running = child;
    child = null;
    if (running) await stopProcess(running, name);
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
    cli: (args) => runBackofficeCli([...args, '--data', dataDir], env),
  };
}
