import type { BrowserContext, CDPSession, Page } from 'playwright-core';

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
