import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with nothing of its own on the network during a measure. */
export const BENCH_CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Issue 10's throttled mobile profile through Chromium's own emulation: 4× CPU slowdown and, when
 * `network`, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
 */
export async function throttle(context: BrowserContext, page: Page, network: boolean): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  }
  return cdp;
}

/**
 * A first visit (empty profile) under the throttled profile, in ms from the navigation to the
 * portal's language buttons being visible (for a `/portal/` url), or to the `load` event (any other page).
 */
export async function firstVisit(origin: string, url: string): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: BENCH_CHROMIUM_ARGS, viewport: { width: 360, height: 640 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await throttle(context, page, true);
    const started = performance.now();
    await page.goto(`${origin}${url}`, { waitUntil: 'commit' });
    if (url.startsWith('/portal/')) await page.getByTestId('language-ar').waitFor({ state: 'visible' });
    else await page.waitForLoadState('load');
    return performance.now() - started;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
