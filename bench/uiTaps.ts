/**
 * `npm run bench:ui:taps`: where a throttled tap's time goes, tap by tap. Serves the built kiosk
 * (`npm run build:web` first, as `bench:ui`), runs one warm-up citizen session, then
 * BENCH_TAP_SESSIONS (5) sessions as `bench:ui` taps them (bench/ui/flow.ts) with Chromium's CPU
 * slowed BENCH_TAP_THROTTLE (4) times, and prints one JSON line: for each tap (screen and test
 * id) the median and max of its Event Timing duration and of its three parts, the input delay
 * (event stamped → handlers start), the handlers (React's render and commit for a click) and the
 * presentation (handlers done → the next frame painted: effects flushed before paint, style,
 * layout, paint). BENCH_TAP_TRACE=<file> also records a Chromium trace of the measured sessions
 * (`devtools.timeline` with V8's sampled stacks: open it in DevTools' Performance panel) and adds
 * each tap's main-thread CPU time (bench/ui/traceTime.ts: a figure the machine's load hardly
 * moves and the throttling does not scale) and its split per trace event kind.
 * BENCH_TAP_DIST=<dir> serves another build (e.g. bench/ui/profilingBuild.ts's, for readable
 * function names). No back office: the kiosk is not enrolled and takes requests alike.
 */
import { writeFile } from 'node:fs/promises';
import { startKioskServer } from '../scripts/kioskServer';
import { DIST_DIR, freePort, launchKiosk, tempDir } from '../tests/e2e/harness';
import { median, percentile, round } from './stats';
import { citizenSession, type FlowCounter } from './ui/flow';
import { INSTALL_TAP_TIMING, readTapTimings, type TapTiming } from './ui/tapTiming';
import { mainThreadCpuInTaps, type TraceEvent } from './ui/traceTime';

const SESSIONS = Number(process.env.BENCH_TAP_SESSIONS ?? 5);
const THROTTLE = Number(process.env.BENCH_TAP_THROTTLE ?? 4);
const TRACE_FILE = process.env.BENCH_TAP_TRACE;

async function main(): Promise<void> {
  const server = await startKioskServer({ distDir: process.env.BENCH_TAP_DIST ?? DIST_DIR, config: {}, port: await freePort() });
  const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('bench-ui-taps') });
  try {
    const { page } = kiosk;
    await page.addInitScript(INSTALL_TAP_TIMING);
    await page.goto(server.url);
    await citizenSession(page, { taps: 0 }, 0);

    const cdp = await kiosk.context.newCDPSession(page);
    await page.evaluate(() => ((window as unknown as { __shubbakTaps: unknown[] }).__shubbakTaps.length = 0));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    const traceEvents: TraceEvent[] = [];
    let traceDone: Promise<void> | undefined;
    if (TRACE_FILE) {
      // The protocol types trace events as string maps; they are JSON objects of the shape TraceEvent reads.
      cdp.on('Tracing.dataCollected', (message) => void traceEvents.push(...(message.value as unknown as TraceEvent[])));
      traceDone = new Promise((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'] }, transferMode: 'ReportEvents' });
    }
    const measured: FlowCounter = { taps: 0 };
    for (let i = 1; i <= SESSIONS; i++) await citizenSession(page, measured, 700_000 + i);
    const taps = await readTapTimings(page);
    if (TRACE_FILE) {
      await cdp.send('Tracing.end');
      await traceDone;
      await writeFile(TRACE_FILE, JSON.stringify({ traceEvents }));
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (taps.length !== measured.taps) throw new Error(`Event Timing saw ${taps.length} taps, the sessions made ${measured.taps}`);

    const byTap = new Map<string, TapTiming[]>();
    for (const tap of taps) byTap.set(`${tap.screen}:${tap.target}`, [...(byTap.get(`${tap.screen}:${tap.target}`) ?? []), tap]);
    const summary = (values: number[]) => ({ median: round(median(values), 1), max: round(Math.max(...values), 1) });
    const part = (list: TapTiming[], key: 'duration' | 'inputDelay' | 'handlers' | 'presentation') => summary(list.map((tap) => tap[key]));
    const durations = taps.map((tap) => tap.duration);
    const cpu = TRACE_FILE ? mainThreadCpuInTaps(traceEvents, taps) : null;
    const cpuOf = (list: TapTiming[]) => (cpu ? { cpuMs: summary(list.map((tap) => cpu.perTapMs[taps.indexOf(tap)]!)) } : {});
    console.log(
      JSON.stringify({
        sessions: SESSIONS,
        cpuThrottlingRate: THROTTLE,
        taps: taps.length,
        durationP50Ms: percentile(durations, 50),
        durationP95Ms: percentile(durations, 95),
        durationMaxMs: Math.max(...durations),
        byTap: [...byTap].map(([tap, list]) => ({
          tap,
          durationMs: part(list, 'duration'),
          inputDelayMs: part(list, 'inputDelay'),
          handlersMs: part(list, 'handlers'),
          presentationMs: part(list, 'presentation'),
          ...cpuOf(list),
        })),
        ...(cpu
          ? {
              traceFile: TRACE_FILE,
              cpuPerTapP50Ms: round(percentile(cpu.perTapMs, 50), 1),
              cpuPerTapP95Ms: round(percentile(cpu.perTapMs, 95), 1),
              cpuPerTapTotalMs: round(cpu.perTapMs.reduce((a, b) => a + b, 0), 1),
              cpuByEventMs: cpu.byEventMs,
            }
          : {}),
      }),
    );
  } finally {
    await kiosk.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
