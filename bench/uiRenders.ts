/**
 * `npm run bench:ui:renders`: what a tap costs in work rather than time, so the effect of a
 * change shows whatever the load of the machine. Builds the kiosk unminified with react-dom's
 * profiling build (bench/ui/profilingBuild.ts), runs one warm-up citizen session then
 * BENCH_RENDER_SESSIONS (5) more as `npm run bench:ui` taps them (bench/ui/flow.ts), and prints one
 * JSON line: components React rendered on each tap's frame (p50/p95/max), the taps that render
 * the most by screen with their most rendered components (bench/ui/renderCount.ts), and the CPU
 * profile's self time per function over the same sessions (CDP `Profiler`, noisy: for orientation).
 * No back office: the sessions run on a kiosk that is not enrolled, which takes requests alike.
 * BENCH_RENDER_DETAIL=<screen>:<testId> (e.g. `attract:language-fr`) also prints, on stderr, each
 * commit of that tap's first touch with the components it rendered.
 */
import { startKioskServer } from '../scripts/kioskServer';
import { freePort, launchKiosk, tempDir } from '../tests/e2e/harness';
import { selfTimeByFunction, type CpuProfile } from './ui/cpuSelfTime';
import { citizenSession, type FlowCounter } from './ui/flow';
import { buildProfilingKiosk } from './ui/profilingBuild';
import { INSTALL_RENDER_COUNTER, readRenderCounts, resetRenderCounts } from './ui/renderCount';
import { summariseRenders } from './ui/renderSummary';

const SESSIONS = Number(process.env.BENCH_RENDER_SESSIONS ?? 5);

async function main(): Promise<void> {
  const distDir = await tempDir('bench-ui-renders-dist');
  await buildProfilingKiosk(distDir);
  const server = await startKioskServer({ distDir, config: {}, port: await freePort() });
  const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('bench-ui-renders') });
  try {
    const { page } = kiosk;
    await page.addInitScript(INSTALL_RENDER_COUNTER);
    await page.goto(server.url);
    const counter: FlowCounter = { taps: 0 };
    await citizenSession(page, counter, 0);

    const cdp = await kiosk.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await resetRenderCounts(page);
    await cdp.send('Profiler.start');
    const measured: FlowCounter = { taps: 0 };
    for (let i = 1; i <= SESSIONS; i++) await citizenSession(page, measured, i);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const segments = await readRenderCounts(page);
    const detail = process.env.BENCH_RENDER_DETAIL;
    const detailed = detail ? segments.find((segment) => `${segment.screen}:${segment.label}` === detail) : undefined;
    if (detailed) for (const commit of detailed.commits) console.error(JSON.stringify({ sync: commit.sync, components: commit.components, names: commit.names }));
    const summary = summariseRenders(segments);
    if (summary.taps !== measured.taps) throw new Error(`the counter saw ${summary.taps} taps, the sessions made ${measured.taps}`);
    console.log(JSON.stringify({ sessions: SESSIONS, ...summary, cpuSelfTimeTop: selfTimeByFunction(profile, 15) }));
  } finally {
    await kiosk.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
