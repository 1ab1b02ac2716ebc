import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { timePushes, type IngestMeasure } from '../backoffice/src/bench/ingest';

const SERVER = fileURLToPath(new URL('./bareUpsertServer.ts', import.meta.url));

/**
 * The same pushes as `measureIngest`, against a minimal Fastify + better-sqlite3 upsert in a
 * process of its own: the ceiling the back office's validated ingest is compared with.
 */
export async function measureBareUpsert({ count, batchSize, warmupBatches = 4 }: { count: number; batchSize: number; warmupBatches?: number }): Promise<IngestMeasure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-bare-'));
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  try {
    const [first] = (await Promise.race([once(createInterface({ input: child.stdout }), 'line'), exited.then(() => [''])])) as [string];
    const url = /listening on (\S+)$/.exec(first)?.[1];
    if (!url) throw new Error(`the bare server did not start: ${first}`);
    const cpuSeconds = () => {
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return null;
      }
    };
    return await timePushes({ pushUrl: `${url}/api/v1/requests/push`, token: 'bare-baseline-has-no-auth', trackingPrefix: 'KBA', count, batchSize, warmupBatches, server: { cpuSeconds } });
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
