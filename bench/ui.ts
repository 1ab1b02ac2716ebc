/**
 * `npm run bench:ui`: the citizen-facing figures, measured on the built app in Chromium.
 * - coldStartMs: median of 10 first boots, navigation → interactive attract screen;
 * - tapLatencyP95Ms: Event Timing API over full scripted sessions;
 * - initialJsGzipKB: gzip size of the JS index.html loads up front;
 * - heapGrowthMBPer1000Sessions: growth of the page's JavaScript objects (V8's heap without its
 *   compiled code) per 1,000 sessions: the least-squares slope over checkpoints every 50 sessions
 *   of a 300-session window, after a warm-up of 300 sessions, each checkpoint after the outbox
 *   drained and forced GCs, with its standard error; the compiled code's and the whole heap's slopes
 *   beside it (bench/ui/heapGrowth.ts; docs/performance.md "Heap growth by least squares").
 *   heapGrowthMBPer1000SessionsAfter100 is the window measured before 3 December 2026 (sessions
 *   100 to 300, the whole heap, two readings);
 * - enqueueP95Ms: the durable outbox write, timed in the page;
 * - coldStartVsBlank: the kiosk's cold start over a blank React page's (bench/ui/blank), built
 *   and served alike and measured in the same run by the same harness;
 * - throttledTapLatencyP95Ms: the tap latency with Chromium's CPU slowed 4× (a cheap tablet);
 * - tapsResidence: touches for a residence certificate, buttons plus on-screen keys, the CNIE read
 *   from its MRZ by a keyboard-wedge reader (key events, not touches).
 * Prints one JSON object as its last line. BENCH_SESSIONS, BENCH_WARMUP_SESSIONS, BENCH_HEAP_EVERY and
 * BENCH_COLD_RUNS change the sizes; BENCH_HEAP_LEAK_BYTES makes the page keep bytes per session (bench/ui/heapGrowth.ts).
 */
import { startKioskServer as startStaticServer } from '../scripts/kioskServer';
import { DIST_DIR, freePort, launchKiosk, metaValue, startKioskServer, tempDir, waitFor } from '../tests/e2e/harness';
import { buildBlankPage } from './ui/blankPage';
import { median, percentile, round } from './stats';
import { initialJsGzipKB } from './ui/bundleSize';
import { coldStartMs } from './ui/coldStart';
import { measureEnqueue } from './ui/enqueue';
import { INSTALL_EVENT_TIMING, readTapLatency, stopEventTiming } from './ui/eventTiming';
import { citizenSession, residenceSession, type FlowCounter } from './ui/flow';
import { recordPageMessages } from './ui/stuckReport';
import { startBenchBackoffice } from './ui/benchKiosk';
import { heapGrowthOptionsFromEnv, measureHeapGrowth } from './ui/heapGrowth';

const HEAP = heapGrowthOptionsFromEnv();
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 10);
const LATENCY_SESSIONS = 5;
const ENQUEUES = 200;

async function main(): Promise<void> {
  const { backoffice, demoEnrolment } = await startBenchBackoffice('bench-ui-backoffice');
  // First boots measure the app alone (no enrolment in the background); the sessions run on an enrolled, syncing kiosk.
  const bootServer = await startKioskServer({ backofficeUrl: backoffice.url, port: await freePort() });
  const server = await startKioskServer({ backofficeUrl: backoffice.url, ...demoEnrolment, port: await freePort() });
  const blankDir = await tempDir('bench-ui-blank');
  await buildBlankPage(blankDir);
  const blankServer = await startStaticServer({ distDir: blankDir, config: {}, port: await freePort() });
  try {
    const bundle = await initialJsGzipKB(DIST_DIR);
    const blankBundle = await initialJsGzipKB(blankDir);

    // Interleaved, so a slower moment of the shared machine weighs on both alike.
    const coldStarts: number[] = [];
    const blankStarts: number[] = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      blankStarts.push(await coldStartMs(blankServer.url));
      coldStarts.push(await coldStartMs(bootServer.url));
    }

    const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('bench-ui') });
    try {
      const { page } = kiosk;
      // A step that gives up reports the page's state and its last uncaught errors (run 20, issue 13).
      recordPageMessages(page, { consoleMessages: false });
      await page.addInitScript(INSTALL_EVENT_TIMING);
      await page.goto(server.url);
      await waitFor(() => metaValue(page, 'deviceId'), { timeoutMs: 60_000, description: 'enrolment' });
      const counter: FlowCounter = { taps: 0 };
      await citizenSession(page, counter, 0);

      await page.evaluate(() => ((window as unknown as { __shubbakEventTiming: unknown[] }).__shubbakEventTiming.length = 0));
      const latencyCounter: FlowCounter = { taps: 0 };
      for (let i = 1; i <= LATENCY_SESSIONS; i++) await citizenSession(page, latencyCounter, i);
      const latency = await readTapLatency(page, latencyCounter.taps);

      const cdp = await kiosk.context.newCDPSession(page);
      await page.evaluate(() => ((window as unknown as { __shubbakEventTiming: unknown[] }).__shubbakEventTiming.length = 0));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const throttledCounter: FlowCounter = { taps: 0 };
      for (let i = 1; i <= LATENCY_SESSIONS; i++) await citizenSession(page, throttledCounter, 900_000 + i);
      const throttled = await readTapLatency(page, throttledCounter.taps);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await stopEventTiming(page);
      const residenceTaps = await residenceSession(page, cdp);

      const heap = await measureHeapGrowth(page, cdp, counter, HEAP);
      const requestsSaved = ((await metaValue(page, 'kioskSeq')) as number | undefined) ?? 0;

      const enqueues = await measureEnqueue(page, ENQUEUES);
      console.log(
        JSON.stringify({
          coldStartMs: round(median(coldStarts), 1),
          coldStartRunsMs: coldStarts.map((ms) => round(ms, 1)),
          blankColdStartMs: round(median(blankStarts), 1),
          blankColdStartRunsMs: blankStarts.map((ms) => round(ms, 1)),
          coldStartVsBlank: round(median(coldStarts) / median(blankStarts), 2),
          blankInitialJsGzipKB: round(blankBundle.kb, 1),
          tapLatencyP95Ms: round(latency.p95Ms, 1),
          throttledTapLatencyP95Ms: round(throttled.p95Ms, 1),
          throttledTapLatencyMaxMs: round(throttled.maxMs, 1),
          cpuThrottlingRate: 4,
          tapsResidence: residenceTaps.buttons + residenceTaps.keys,
          tapsResidenceButtons: residenceTaps.buttons,
          tapsResidenceKeys: residenceTaps.keys,
          tapLatencyMaxMs: round(latency.maxMs, 1),
          taps: latency.taps,
          tapsOver16Ms: latency.reported,
          initialJsGzipKB: round(bundle.kb, 1),
          initialJsFiles: bundle.files,
          ...heap,
          requestsSaved,
          enqueueMedianMs: round(median(enqueues)),
          enqueueP95Ms: round(percentile(enqueues, 95)),
        }),
      );
    } finally {
      await kiosk.close();
    }
  } finally {
    await server.close();
    await bootServer.close();
    await blankServer.close();
    await backoffice.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
