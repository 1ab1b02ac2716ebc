/**
 * `npx tsx bench/portal/waterfall.ts` (after `npm run build:portal`): one first visit of the portal
 * under bench:portal's emulation (4× CPU, 1.6 Mbit/s, 150 ms RTT), with every request in the order
 * it was sent: start and end (ms after navigation), bytes on the wire, and what asked for it. Ends
 * with the time the language buttons became visible. For reading where the first load's time goes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { chromium } from 'playwright-core';
import { registerPortalPages } from '../../backoffice/src/http/portalPages';
import { BENCH_CHROMIUM_ARGS, throttle } from './emulation';

interface Row {
  url: string;
  sentAt: number;
  endAt?: number;
  bytes?: number;
  initiator: string;
  encoding?: string;
  fromServiceWorker?: boolean;
}

const app = Fastify();
// The service worker's own requests (its precache) do not show in the page's network events: the
// server's side lists every request, the worker's included, with when the server answered it.
const served: string[] = [];
let serverT0 = 0;
app.addHook('onResponse', async (request, reply) => {
  const now = performance.now();
  if (serverT0 === 0) serverT0 = now;
  served.push(`${String(Math.round(now - serverT0)).padStart(6)} ${String(reply.getHeader('content-length') ?? '').padStart(7)} ${String(reply.getHeader('content-encoding') ?? '-').padEnd(5)} ${request.url}`);
});
registerPortalPages(app);
const origin = await app.listen({ port: 0, host: '127.0.0.1' });
const profile = mkdtempSync(join(tmpdir(), 'portal-waterfall-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: BENCH_CHROMIUM_ARGS, viewport: { width: 360, height: 640 } });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await throttle(context, page, true);
  const rows = new Map<string, Row>();
  let t0 = 0;
  const at = (timestamp: number) => Math.round(timestamp * 1000 - t0);
  cdp.on('Network.requestWillBeSent', (event) => {
    if (t0 === 0) t0 = event.timestamp * 1000;
    const initiator = event.initiator.type === 'script' ? `script ${event.initiator.stack?.callFrames[0]?.url.split('/').pop() ?? ''}` : event.initiator.type;
    rows.set(event.requestId, { url: event.request.url.replace(origin, ''), sentAt: at(event.timestamp), initiator });
  });
  cdp.on('Network.responseReceived', (event) => {
    const row = rows.get(event.requestId);
    if (row) {
      row.encoding = event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'];
      row.fromServiceWorker = event.response.fromServiceWorker;
    }
  });
  cdp.on('Network.loadingFinished', (event) => {
    const row = rows.get(event.requestId);
    if (row) {
      row.endAt = at(event.timestamp);
      row.bytes = event.encodedDataLength;
    }
  });
  const started = performance.now();
  await page.goto(`${origin}/portal/`, { waitUntil: 'commit' });
  await page.getByTestId('language-ar').waitFor({ state: 'visible' });
  const interactive = Math.round(performance.now() - started);
  const paints = await page.evaluate(() => window.performance.getEntriesByType('paint').map((entry) => `${entry.name} ${Math.round(entry.startTime)}`));
  await page.waitForTimeout(3000);
  console.log('start→end ms   bytes  enc   initiator                url');
  for (const row of [...rows.values()].sort((a, b) => a.sentAt - b.sentAt)) {
    console.log(
      `${String(row.sentAt).padStart(5)}→${String(row.endAt ?? '…').padEnd(6)} ${String(row.bytes ?? '').padStart(7)} ${(row.encoding ?? '-').padEnd(5)} ${row.initiator.slice(0, 24).padEnd(24)} ${row.url}${row.fromServiceWorker ? ' (sw)' : ''}`,
    );
  }
  console.log(`server side: ${served.length} requests answered (ms after the first, bytes, encoding, url)`);
  for (const line of served) console.log(line);
  console.log(`language buttons visible ${interactive} ms after navigation started (node clock); ${paints.join(', ')}`);
} finally {
  await context.close();
  await app.close();
  rmSync(profile, { recursive: true, force: true });
}
