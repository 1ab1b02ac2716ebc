/**
 * `npx tsx bench/ui/stuckReplay.ts` (after `npm run build:web`): replays bench:ui's citizen
 * sessions on one enrolled, syncing kiosk page, as `npm run bench:ui` does (its first sessions,
 * the throttled ones, the residence read from the MRZ, then the long series with forced GCs), to
 * catch run 20's failure (issue 13: the identity screen's "Next" never "visible, enabled and
 * stable"). A step that gives up prints the page's state (bench/ui/stuckReport.ts) and the
 * session's number. STUCK_SESSIONS (default 1,000) sessions in the series; STUCK_THROTTLE (default
 * 1) slows the CPU that many times during it. Prints one JSON object last.
 */
import { freePort, launchKiosk, metaValue, startKioskServer, tempDir, waitFor } from '../../tests/e2e/harness';
import { INSTALL_EVENT_TIMING } from './eventTiming';
import { citizenSession, type FlowCounter } from './flow';
import { recordPageMessages } from './stuckReport';
import { startBenchBackoffice, replayBenchUiPrelude } from './benchKiosk';

const SESSIONS = Number(process.env.STUCK_SESSIONS ?? 1000);
const THROTTLE = Number(process.env.STUCK_THROTTLE ?? 1);
/** bench:ui forces a GC at sessions 100 and 300 of its warm-up; this one every hundred. */
const GC_EVERY = 100;
const PROGRESS_EVERY = 25;

async function main(): Promise<void> {
  const { backoffice, demoEnrolment } = await startBenchBackoffice('stuck-replay-backoffice');
  const server = await startKioskServer({ backofficeUrl: backoffice.url, ...demoEnrolment, port: await freePort() });
  const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('stuck-replay') });
  const started = Date.now();
  let done = 0;
  try {
    const { page } = kiosk;
    recordPageMessages(page);
    await page.addInitScript(INSTALL_EVENT_TIMING);
    await page.goto(server.url);
    await waitFor(() => metaValue(page, 'deviceId'), { timeoutMs: 60_000, description: 'enrolment' });
    const counter: FlowCounter = { taps: 0 };
    const cdp = await kiosk.context.newCDPSession(page);
    await replayBenchUiPrelude(page, cdp, counter);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    for (let i = 0; i < SESSIONS; i++) {
      if (i % GC_EVERY === 0) {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
      }
      if (i % PROGRESS_EVERY === 0) console.error(`session ${i} at ${((Date.now() - started) / 1000).toFixed(0)} s`);
      await citizenSession(page, counter, 500_000 + i);
      done = i + 1;
    }
    console.log(JSON.stringify({ sessions: done, throttle: THROTTLE, seconds: Math.round((Date.now() - started) / 1000), stuck: false }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.log(JSON.stringify({ sessions: done, throttle: THROTTLE, seconds: Math.round((Date.now() - started) / 1000), stuck: true }));
    process.exitCode = 1;
  } finally {
    await kiosk.close();
    await server.close();
    await backoffice.close();
  }
}

void main();
