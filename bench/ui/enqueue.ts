import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

const ENTRY = fileURLToPath(new URL('./enqueueInPage.ts', import.meta.url));

/**
 * Durations (ms) of `count` durable outbox writes made in the page by the app's own code. The
 * bundle is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function measureEnqueue(page: Page, count: number): Promise<number[]> {
  const bundle = await build({ entryPoints: [ENTRY], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' });
  await page.evaluate(bundle.outputFiles[0]!.text);
  return page.evaluate(async (n) => {
    const run = (globalThis as unknown as { shubbakBenchEnqueue: (count: number) => Promise<number[]> }).shubbakBenchEnqueue;
    return run(n);
  }, count);
}
