import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Used by `npm start`, the end-to-end harness and the benchmarks to run the real back office. */

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BACKOFFICE_CLI = fileURLToPath(new URL('../backoffice/src/cli.ts', import.meta.url));

/**
 * One Node process running the TypeScript CLI through tsx's loader (`node --import tsx`), rather
 * than the `tsx` binary, which puts a second process between us and the server: a SIGKILL must
 * hit the server itself, as a real crash would.
 */
export function spawnBackofficeCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', BACKOFFICE_CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface CollectedOutput {
  stdout(): string;
  stderr(): string;
}

export function collectOutput(child: ChildProcess): CollectedOutput {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { stdout: () => stdout, stderr: () => stderr };
}

/** Runs a back-office CLI command to its end; resolves with its stdout, rejects with its stderr. */
export async function runBackofficeCli(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawnBackofficeCli(args, env);
  const output = collectOutput(child);
  // 'close', not 'exit': stdout may still be draining when the process exits.
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`backoffice ${args.join(' ')} exited with ${code}:\n${output.stderr()}${output.stdout()}`);
  return output.stdout();
}

export async function isBackofficeHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('api/v1/health', url), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls the health endpoint until it answers, failing at once (with the output) if the process dies. */
export async function waitUntilHealthy(child: ChildProcess, output: CollectedOutput, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`back office exited (${child.exitCode ?? child.signalCode}) before answering:\n${output.stderr()}${output.stdout()}`);
    }
    if (await isBackofficeHealthy(url)) return;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`back office did not answer ${url}api/v1/health within ${timeoutMs} ms:\n${output.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Sends a signal and resolves once the process is gone. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
