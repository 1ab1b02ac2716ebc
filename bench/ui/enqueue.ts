import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { loadInPage } from '../../tests/e2e/harness';

/** Durations (ms) of `count` durable outbox writes made in the page by the app's own code. */
export async function measureEnqueue(page: Page, count: number): Promise<number[]> {
  await loadInPage(page, fileURLToPath(new URL('./enqueueInPage.ts', import.meta.url)));
  return page.evaluate((n) => (globalThis as unknown as { shubbakBenchEnqueue: (count: number) => Promise<number[]> }).shubbakBenchEnqueue(n), count);
}
