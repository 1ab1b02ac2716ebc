import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { timePushes, type IngestMeasure } from '../backoffice/src/bench/ingest';
import { processTreeCpuSeconds } from '../backoffice/src/bench/processCpu';

const SERVER = fileURLToPath(new URL('./bareUpsertServer.ts', import.meta.url));
const letter = (n: number) => String.fromCharCode(65 + (n % 26));

/**
 * The same pushes as `measureIngest`, against a minimal Fastify + better-sqlite3 upsert in a
 * process of its own: the ceiling the back office's validated ingest is compared with.
 */
export async function measureBareUpsert({
  count,
  batchSize,
  warmupBatches = 4,
  kiosks = 1,
}: {
  count: number;
  batchSize: number;
  warmupBatches?: number;
  kiosks?: number;
}): Promise<IngestMeasure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-bare-'));
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  try {
    const [first] = (await Promise.race([once(createInterface({ input: child.stdout }), 'line'), exited.then(() => [''])])) as [string];
    const url = /listening on (\S+)$/.exec(first)?.[1];
    if (!url) throw new Error(`the bare server did not start: ${first}`);
    // As many kiosks as the measure it is compared with: the bare server takes any token.
    const kioskList = Array.from({ length: kiosks }, (_, i) => ({ token: 'bare-baseline-has-no-auth', trackingPrefix: `K${letter(Math.floor(i / 26))}${letter(i)}` }));
    const cpuSeconds = () => processTreeCpuSeconds(child.pid);
    return await timePushes({ pushUrl: `${url}/api/v1/requests/push`, kiosks: kioskList, count, batchSize, warmupBatches, server: { cpuSeconds } });
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
