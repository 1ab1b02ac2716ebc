/**
 * `npx tsx bench/ui/heapGrowthRun.ts` (after `npx vite build`): bench:ui's heap phase alone, after
 * bench:ui's own prelude (bench/ui/benchKiosk.ts), on an enrolled kiosk served as bench:ui serves
 * it. Same variables as bench:ui (bench/ui/heapGrowth.ts). Prints one JSON object as its last line.
 */
import { freePort, launchKiosk, metaValue, startKioskServer, tempDir, waitFor } from '../../tests/e2e/harness';
import { INSTALL_EVENT_TIMING } from './eventTiming';
import { type FlowCounter } from './flow';
import { replayBenchUiPrelude, startBenchBackoffice } from './benchKiosk';
import { heapGrowthOptionsFromEnv, measureHeapGrowth } from './heapGrowth';

async function main(): Promise<void> {
  const { backoffice, demoEnrolment } = await startBenchBackoffice('heap-growth-backoffice');
  const server = await startKioskServer({ backofficeUrl: backoffice.url, ...demoEnrolment, port: await freePort() });
  const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('heap-growth') });
  try {
    const { page } = kiosk;
    await page.addInitScript(INSTALL_EVENT_TIMING);
    await page.goto(server.url);
    await waitFor(() => metaValue(page, 'deviceId'), { timeoutMs: 60_000, description: 'enrolment' });
    const cdp = await kiosk.context.newCDPSession(page);
    const counter: FlowCounter = { taps: 0 };
    await replayBenchUiPrelude(page, cdp, counter);
    const started = Date.now();
    const figures = await measureHeapGrowth(page, cdp, counter, heapGrowthOptionsFromEnv());
    console.log(JSON.stringify({ ...figures, heapPhaseSeconds: Math.round((Date.now() - started) / 1000) }));
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
