import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { CitizenRequest } from '../src/domain/request';
import { loadInPage } from '../tests/e2e/harness';

type Replay = (pushUrl: string, token: string, requests: CitizenRequest[], durability: 'default' | 'strict') => Promise<{ seconds: number; failures: number }>;

/** The baseline the outbox is compared with: one POST per request from a per-request queue in the page. */
export async function replaySequentially(
  page: Page,
  pushUrl: string,
  token: string,
  requests: CitizenRequest[],
  durability: 'default' | 'strict' = 'default',
): Promise<{ seconds: number; failures: number }> {
  await loadInPage(page, fileURLToPath(new URL('./sequentialQueueInPage.ts', import.meta.url)));
  return page.evaluate(
    ({ pushUrl, token, requests, durability }) =>
      (globalThis as unknown as { shubbakReplaySequentially: Replay }).shubbakReplaySequentially(pushUrl, token, requests, durability),
    { pushUrl, token, requests, durability },
  );
}
