import type { CDPSession, Page } from 'playwright-core';
import { startBackoffice } from '../../backoffice/src/server';
import { runBackofficeCli } from '../../scripts/backofficeProcess';
import { lastNonEmptyLine } from '../../scripts/processes';
import { freePort, tempDir } from '../../tests/e2e/harness';
import { stopEventTiming } from './eventTiming';
import { citizenSession, residenceSession, type FlowCounter } from './flow';

/**
 * The back office the UI benchmarks sync with: a real one on loopback over a temporary folder,
 * with the demo office and an enrolment code for the kiosk (rate limits out of the way: one page
 * replays hundreds of sessions).
 */
export async function startBenchBackoffice(name: string) {
  const dataDir = await tempDir(name);
  const backoffice = await startBackoffice({ dataDir, port: await freePort(), host: '127.0.0.1', rateLimit: { max: 1_000_000, timeWindowMs: 60_000, enrolMax: 1_000 } });
  const code = lastNonEmptyLine(await runBackofficeCli(['demo-setup', '--data', dataDir]));
  return { backoffice, demoEnrolment: code ? { demoEnrolmentCode: code } : {} };
}

/**
 * bench:ui's order before its long series (bench/ui.ts, without its measures): sessions 0 to 5,
 * five at 4× CPU, the tap observer stopped, a residence session read from the card. Replayed by
 * the tools that must reach the same state as the benchmark (heap snapshots, stuck replays).
 */
export async function replayBenchUiPrelude(page: Page, cdp: CDPSession, counter: FlowCounter): Promise<void> {
  for (let i = 0; i <= 5; i++) await citizenSession(page, counter, i);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (let i = 1; i <= 5; i++) await citizenSession(page, counter, 900_000 + i);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await stopEventTiming(page);
  await residenceSession(page, cdp);
}
