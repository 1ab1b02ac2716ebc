/**
 * `npx tsx bench/ui/coldWaterfall.ts [distDir]` (after `npx vite build`; default `dist`): one first
 * boot of the kiosk as `bench:ui`'s cold start measures it (fresh browser and profile, navigation
 * → the attract screen's `start` button), with every request in the order it was sent (start and
 * end in ms after navigation start, what asked for it), the IndexedDB opens, the paints and the
 * main thread's busiest functions (CDP `Profiler`, started before the navigation). For reading
 * where the cold start's time goes; `BENCH_WATERFALL_BOOTS=n` repeats it and prints the medians.
 */
import { startKioskServer as startStaticServer } from '../../scripts/kioskServer';
import { launchKiosk, tempDir } from '../../tests/e2e/harness';
import { median, round } from '../stats';

/** In the page: when `start` first exists, and when each IndexedDB open was asked and answered. */
const WATCH = `
  window.__cold = { idb: [] };
  const observer = new MutationObserver(() => {
    if (!window.__cold.attract && document.querySelector('[data-testid="start"]')) {
      window.__cold.attract = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const row = { name: args[0], at: performance.now() };
    window.__cold.idb.push(row);
    const request = open.apply(this, args);
    request.addEventListener('success', () => (row.success = performance.now()));
    request.addEventListener('upgradeneeded', () => (row.upgrade = performance.now()));
    request.addEventListener('error', () => (row.error = performance.now()));
    return request;
  };
`;

interface ColdBoot {
  attract: number;
  idb: { name: string; at: number; success?: number; upgrade?: number; error?: number }[];
  resources: { name: string; startTime: number; responseEnd: number; initiatorType: string }[];
  paints: { name: string; startTime: number }[];
  domContentLoaded: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function boot(url: string, profile: boolean): Promise<{ boot: ColdBoot; selfTimes: [string, number][] }> {
  const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('bench-cold-waterfall') });
  try {
    await kiosk.page.addInitScript(WATCH);
    const cdp = await kiosk.context.newCDPSession(kiosk.page);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await kiosk.page.goto(url);
    await kiosk.page.waitForFunction(() => (window as unknown as { __cold: { attract?: number } }).__cold.attract !== undefined, undefined, { timeout: 30_000 });
    const selfTimes: [string, number][] = [];
    if (profile) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      const nodes = new Map((cpu.nodes as ProfileNode[]).map((node) => [node.id, node]));
      const self = new Map<string, number>();
      const deltas = cpu.timeDeltas ?? [];
      (cpu.samples ?? []).forEach((id, index) => {
        const node = nodes.get(id)!;
        const file = node.callFrame.url.split('/').pop() ?? '';
        const key = `${node.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${node.callFrame.lineNumber}:${(node.callFrame as { columnNumber?: number }).columnNumber ?? ''}` : ''}`;
        self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0) / 1000);
      });
      selfTimes.push(...[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25));
      // The browser's own functions (no script URL) say little alone: who called them, by time.
      const parents = new Map<number, ProfileNode>();
      for (const node of nodes.values()) for (const child of node.children ?? []) parents.set(child, node);
      const callers = new Map<string, number>();
      (cpu.samples ?? []).forEach((id, index) => {
        const node = nodes.get(id)!;
        if (node.callFrame.url !== '' || node.callFrame.functionName === '' || node.callFrame.functionName.startsWith('(')) return;
        const chain: string[] = [];
        for (let parent = parents.get(id); parent && chain.length < 3; parent = parents.get(parent.id)) chain.push(`${parent.callFrame.functionName || '(anonymous)'} ${parent.callFrame.url.split('/').pop() ?? ''}:${parent.callFrame.lineNumber}:${(parent.callFrame as { columnNumber?: number }).columnNumber ?? ''}`);
        const key = `${node.callFrame.functionName} ← ${chain.join(' ← ')}`;
        callers.set(key, (callers.get(key) ?? 0) + (deltas[index] ?? 0) / 1000);
      });
      selfTimes.push(...[...callers.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8));
    }
    const result = await kiosk.page.evaluate(() => {
      const cold = (window as unknown as { __cold: { attract: number; idb: ColdBoot['idb'] } }).__cold;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        attract: cold.attract,
        idb: cold.idb,
        resources: [
          ...(navigation ? [{ name: navigation.name, startTime: navigation.startTime, responseEnd: navigation.responseEnd, initiatorType: 'navigation' }] : []),
          ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
            name: entry.name,
            startTime: entry.startTime,
            responseEnd: entry.responseEnd,
            initiatorType: entry.initiatorType,
          })),
        ],
        paints: performance.getEntriesByType('paint').map((entry) => ({ name: entry.name, startTime: entry.startTime })),
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0,
      };
    });
    return { boot: result, selfTimes };
  } finally {
    await kiosk.close();
  }
}

const distDir = process.argv[2] ?? 'dist';
const boots = Number(process.env.BENCH_WATERFALL_BOOTS ?? 1);
const server = await startStaticServer({ distDir, config: { backofficeUrl: 'http://127.0.0.1:9' }, port: 0 });
try {
  const attracts: number[] = [];
  for (let run = 0; run < boots; run++) {
    const { boot: cold, selfTimes } = await boot(server.url, run === 0);
    attracts.push(cold.attract);
    if (run > 0) continue;
    const ms = (value: number | undefined) => (value === undefined ? '…' : String(Math.round(value)));
    console.log('start→end  initiator  url');
    for (const row of cold.resources.filter((entry) => entry.startTime <= cold.attract + 50).sort((a, b) => a.startTime - b.startTime)) {
      console.log(`${ms(row.startTime).padStart(5)}→${ms(row.responseEnd).padEnd(5)} ${row.initiatorType.padEnd(10)} ${row.name.replace(server.url, '')}`);
    }
    for (const open of cold.idb) console.log(`IndexedDB open ${open.name}: asked ${ms(open.at)}, success ${ms(open.success)}, upgrade ${ms(open.upgrade)}, error ${ms(open.error)}`);
    console.log(`DOMContentLoaded ${ms(cold.domContentLoaded)}; ${cold.paints.map((paint) => `${paint.name} ${ms(paint.startTime)}`).join(', ')}; attract ${ms(cold.attract)}`);
    console.log('CPU self time until the attract screen (ms, sampled every 0.1 ms):');
    for (const [name, self] of selfTimes) console.log(`${self.toFixed(1).padStart(7)}  ${name}`);
  }
  if (boots > 1) console.log(JSON.stringify({ attractMedianMs: round(median(attracts), 1), attractRunsMs: attracts.map((value) => round(value, 1)) }));
} finally {
  await server.close();
}
