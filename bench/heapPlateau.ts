/**
 * `npx tsx bench/heapPlateau.ts` (after `npm run build:web`): does the heap stop growing?
 * Runs complete citizen sessions on one page of the built app and reads the JS heap after
 * forced GC every batch. A leak grows by the same amount each batch; V8's compiled code grows
 * during the first batches and then stays (docs/performance.md, "Heap").
 * HEAP_BATCHES (default 6) × HEAP_BATCH_SESSIONS (default 100). Prints one JSON object last.
 */
import { freePort, launchKiosk, metaValue, startKioskServer, tempDir, waitFor } from '../tests/e2e/harness';
import { round } from './stats';
import { citizenSession, type FlowCounter } from './ui/flow';
import { startBenchBackoffice } from './ui/benchKiosk';

const BATCHES = Number(process.env.HEAP_BATCHES ?? 6);
const BATCH_SESSIONS = Number(process.env.HEAP_BATCH_SESSIONS ?? 100);
/** The first sessions load the lazy chunks (keyboard, QR encoder): the series starts after them. */
const FIRST_SESSIONS = 5;

async function main(): Promise<void> {
  const { backoffice, demoEnrolment } = await startBenchBackoffice('heap-plateau-backoffice');
  const server = await startKioskServer({ backofficeUrl: backoffice.url, ...demoEnrolment, port: await freePort() });
  const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('heap-plateau') });
  try {
    const { page } = kiosk;
    await page.goto(server.url);
    await waitFor(() => metaValue(page, 'deviceId'), { timeoutMs: 60_000, description: 'enrolment' });
    const cdp = await kiosk.context.newCDPSession(page);
    const heapMBAfterGc = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return round((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20, 3);
    };
    const counter: FlowCounter = { taps: 0 };
    let sessions = 0;
    const run = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i++) await citizenSession(page, counter, sessions++);
    };
    await run(FIRST_SESSIONS);
    const series = [{ sessions, heapMB: await heapMBAfterGc() }];
    for (let batch = 0; batch < BATCHES; batch++) {
      await run(BATCH_SESSIONS);
      series.push({ sessions, heapMB: await heapMBAfterGc() });
      console.error(`after ${sessions} sessions: ${series.at(-1)?.heapMB} MB`);
    }
    console.log(JSON.stringify({ batchSessions: BATCH_SESSIONS, series }));
  } finally {
    await kiosk.close();
    await server.close();
    await backoffice.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
