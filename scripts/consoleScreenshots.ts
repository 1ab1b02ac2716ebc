/**
 * Screenshots of each console page for docs/console.md: a back office seeded with demonstration
 * requests (through the store, as the console benchmark does), a kiosk heartbeat, an
 * administrator made by the CLI and activated in headless Chromium at 1366×768.
 * Run `npm run build:console` first, then `npx tsx scripts/consoleScreenshots.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DATABASE_FILE } from '../backoffice/src/server';
import { openSqliteStore } from '../backoffice/src/store/sqliteStore';
import { seedOffices } from '../bench/console/seedOffices';
import type { Heartbeat } from '../src/domain/heartbeat';
import { API_PREFIX } from '../src/domain/syncProtocol';
import { parseAddStaff } from '../tests/e2e/consoleSteps';
import { CHROMIUM_ARGS } from '../tests/e2e/support/kiosk';
import { CHROMIUM } from '../tests/e2e/support/paths';
import { freePort } from '../tests/e2e/support/system';
import { collectOutput, REPO_ROOT, runBackofficeCli, spawnBackofficeCli, stopProcess, waitUntilHealthy } from './backofficeProcess';

const OUT = path.join(REPO_ROOT, 'docs', 'console');
const byTestId = (id: string) => `[data-testid="${id}"]`;

async function settle(page: Page, testId: string): Promise<void> {
  await page.locator(byTestId(testId)).first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`docs/console/${name}.png`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shubbak-screenshots-'));
  const store = openSqliteStore(path.join(dataDir, DATABASE_FILE));
  store.db.pragma('synchronous = OFF');
  const seeded = await seedOffices(store, { total: 240, offices: 1, now: new Date(), officeName: () => 'Annexe administrative n° 3, Berkane (démo)' });
  store.close();
  const officeId = seeded.officeIds[0]!;
  const { code } = parseAddStaff(await runBackofficeCli(['add-staff', '--office', officeId, '--role', 'admin', '--name', 'Leila Bennani', '--data', dataDir]));
  await runBackofficeCli(['add-staff', '--office', officeId, '--role', 'agent', '--name', 'Youssef Alaoui', '--data', dataDir]);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = spawnBackofficeCli(['serve', '--port', String(port), '--data', dataDir]);
  await waitUntilHealthy(server, collectOutput(server), url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const kiosk = seeded.kiosks[0]!;
    const now = new Date();
    const heartbeat: Heartbeat = {
      appVersion: '0.1.0',
      queueDepth: 1,
      oldestPendingAgeSeconds: 95,
      rejectedCount: 0,
      lastSuccessAt: new Date(now.getTime() - 60_000).toISOString(),
      lastError: null,
      printer: 'ok',
      freeStorageBytes: 3_400_000_000,
      sentAt: now.toISOString(),
    };
    await fetch(new URL(`${API_PREFIX.slice(1)}/devices/heartbeat`, url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.deviceToken}` }, body: JSON.stringify(heartbeat) });

    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-MA' })).newPage();
    await page.goto(new URL('console/', url).href);
    await page.locator(byTestId('language')).selectOption('fr');
    await settle(page, 'page-sign-in');
    await shoot(page, 'sign-in');

    await page.locator(byTestId('switch-mode')).click();
    await page.locator(byTestId('activation-code')).fill(code);
    await page.locator(byTestId('new-password')).fill('les oliviers de Berkane');
    await page.locator(byTestId('confirm-password')).fill('les oliviers de Berkane');
    await page.keyboard.press('Enter');
    await settle(page, 'queue-table');
    await shoot(page, 'queues');

    const sample = seeded.samples[0]!;
    await page.locator(byTestId('search')).fill(sample.trackingCode);
    await page.keyboard.press('Enter');
    await page.locator(byTestId(`open-${sample.trackingCode}`)).click();
    await settle(page, 'page-request');
    if (await page.locator(byTestId('action-assign')).count()) {
      await page.locator(byTestId('action-assign')).click();
      await settle(page, 'notice-done');
    }
    await shoot(page, 'request');
    await page.locator(byTestId('language')).selectOption('ar');
    await settle(page, 'page-request');
    await shoot(page, 'request-ar');
    await page.locator(byTestId('language')).selectOption('fr');

    for (const [nav, testId, name] of [
      ['fleet', 'fleet-table', 'kiosks'],
      ['statistics', 'daily-chart', 'statistics'],
      ['staff', 'staff-table', 'staff'],
      ['catalogue', 'catalogue-table', 'catalogue'],
    ] as const) {
      await page.locator(byTestId(`nav-${nav}`)).click();
      await settle(page, testId);
      await shoot(page, name);
    }
  } finally {
    await browser.close();
    await stopProcess(server, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
