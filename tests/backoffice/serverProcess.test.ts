import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer } from '../../backoffice/src/bench/serverProcess';

/** The benchmarks' back office in a process of its own: a start that fails must fail the benchmark at once, saying why. */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'shubbak-server-process-'));
  folders.push(folder);
  return folder;
}

describe('the benchmarks’ back-office process', () => {
  it('rejects with the server’s stderr when the back office exits before listening', async () => {
    const file = join(scratch(), 'a-file');
    writeFileSync(file, '');
    const started = Date.now();
    const failure = await spawnServer(join(file, 'data')).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/the back office did not start: exited \(1\)/);
    expect(failure?.message).toContain('ENOTDIR');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('gives up after its start timeout when the back office says nothing', async () => {
    // A hung start (a database that never answers, say) stood in for by a timeout shorter than any start.
    const failure = await spawnServer(scratch(), [], 1).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toContain('said nothing within');
  }, 60_000);

  it('starts, answers and stops the real back office', async () => {
    const server = await spawnServer(scratch(), ['--rate-limit', 'off']);
    try {
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      expect(server.cpuSeconds()).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
