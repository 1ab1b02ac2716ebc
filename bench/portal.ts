/**
 * `npm run bench:portal` (builds the portal first). Figures, last line one JSON object:
 * - portalInitialJsGzipKB: gzip (level 9) of the JS the first page needs: the entry and the
 *   modules index.html preloads (language and login; everything else is a lazy chunk). Budget 150.
 * - throttledLoadMs: first visit (empty profile) to the language screen's buttons, through Chromium's
 *   emulation: 4× CPU slowdown, 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT. Budget 3,000. Measured
 *   with a blank page under the same emulation in the same run (blankLoadMs) and their ratio, so a
 *   slow machine shows as a slow baseline, not as a slow portal.
 * - offlineRepeatLoadMs: a repeat visit with the network cut (context.setOffline): the service
 *   worker serves the shell. Same CPU slowdown. Budget 1,000.
 * - notificationsPerSecond: bench/notifications.ts (h10-messages), run as a child, its last line read.
 * The pages are served by the back office's own portal serving (registerPortalPages) on port 0.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { registerPortalPages } from '../backoffice/src/http/portalPages';
import { PORTAL_DIST_DIR } from '../portal/paths';
import { BENCH_CHROMIUM_ARGS as ARGS, firstVisit, throttle } from './portal/emulation';

const RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function initialJsGzipKB(): number {
  const html = readFileSync(join(PORTAL_DIST_DIR, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((match) => match[1]!);
  const files = [...new Set(urls.filter((url) => !url.endsWith('registerSW.js')).map((url) => url.replace(/^\/portal\//, '')))];
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(PORTAL_DIST_DIR, file)), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

async function offlineRepeat(origin: string): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS, viewport: { width: 360, height: 640 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/portal/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The precache is complete once the worker is active; a reload puts the page under its control.
    await page.reload();
    await page.getByTestId('language-ar').waitFor();
    await context.setOffline(true);
    await throttle(context, page, false);
    const started = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await page.getByTestId('language-ar').waitFor({ state: 'visible' });
    return performance.now() - started;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function notificationsPerSecond(): number | null {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'notifications.ts')], { encoding: 'utf8', timeout: 300_000 });
  const last = run.stdout?.trim().split('\n').pop() ?? '';
  try {
    const figure = (JSON.parse(last) as { notificationsPerSecond?: unknown }).notificationsPerSecond;
    return typeof figure === 'number' ? figure : null;
  } catch {
    console.error('bench/notifications.ts gave no JSON line:', run.stderr?.slice(-500));
    return null;
  }
}

const app = Fastify();
registerPortalPages(app);
app.get('/blank', async (_request, reply) => reply.type('text/html').send('<!doctype html><title>blank</title><p>blank</p>'));
const origin = await app.listen({ port: 0, host: '127.0.0.1' });
try {
  const jsKB = initialJsGzipKB();
  const blank: number[] = [];
  const portal: number[] = [];
  const offline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    blank.push(await firstVisit(origin, '/blank'));
    portal.push(await firstVisit(origin, '/portal/'));
    offline.push(await offlineRepeat(origin));
  }
  const blankLoadMs = Math.round(median(blank));
  const throttledLoadMs = Math.round(median(portal));
  const offlineRepeatLoadMs = Math.round(median(offline));
  console.log(`first-page JS ${jsKB} KB gzip (budget 150)`);
  console.log(`throttled first load ${throttledLoadMs} ms (runs ${portal.map(Math.round).join(', ')}; budget 3,000); blank page ${blankLoadMs} ms; ratio ${(throttledLoadMs / blankLoadMs).toFixed(2)}`);
  console.log(`offline repeat visit ${offlineRepeatLoadMs} ms (runs ${offline.map(Math.round).join(', ')}; budget 1,000)`);
  const notifications = notificationsPerSecond();
  console.log(
    JSON.stringify({
      portalInitialJsGzipKB: jsKB,
      throttledLoadMs,
      blankLoadMs,
      throttledLoadRatio: Math.round((throttledLoadMs / blankLoadMs) * 100) / 100,
      offlineRepeatLoadMs,
      notificationsPerSecond: notifications,
      withinBudget: jsKB <= 150 && throttledLoadMs <= 3000 && offlineRepeatLoadMs <= 1000 && (notifications === null || notifications >= 500),
    }),
  );
} finally {
  await app.close();
}
