import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Runs a build step with its output held back, and shows that output only if the step fails. */
export async function runQuietly(command: string, args: string[], cwd: string): Promise<void> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`${[command, ...args].join(' ')} failed (exit ${code}):\n${output}`);
}

/** The contract of CLI commands that hand back one value: it is their last printed line. */
export function lastNonEmptyLine(output: string): string | undefined {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1);
}

/** The accounts `backoffice demo-staff` printed, one `login role password` line each (none of them holds a space). */
export function demoStaffLines(output: string): Array<{ login: string; role: string; password: string }> {
  return output
    .split(/\r?\n/)
    .map((line) => /^(\S+) (agent|chief|admin) (\S+)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, login, role, password]) => ({ login: login!, role: role!, password: password! }));
}
