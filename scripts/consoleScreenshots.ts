/**
 * Screenshots of each console page for docs/console.md: a back office seeded with demonstration
 * requests (through the store, as the console benchmark does), a kiosk heartbeat, an
 * administrator made by the CLI and activated in headless Chromium at 1366×768. For the Forwarded
 * and Directory pages: bodies added by the CLI, birth extracts taken into review in the console
 * (which forwards them), mailed to an SMTP server in this process, which is stopped before the
 * last one (so it shows as not yet sent).
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
import { act, openRequest, parseAddStaff } from '../tests/e2e/consoleSteps';
import { CHROMIUM_ARGS } from '../tests/e2e/support/kiosk';
import { CHROMIUM } from '../tests/e2e/support/paths';
import { freePort } from '../tests/e2e/support/system';
import { startTestSmtpServer } from '../tests/support/testSmtpServer';
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
  // New birth extracts, born in Berkane: taken into review below, they are forwarded to its commune.
  const birthExtracts = (
    store.db.prepare("SELECT tracking_code FROM requests WHERE service_id = 'birth_extract' AND status = 'received' ORDER BY received_at LIMIT 5").all() as Array<{ tracking_code: string }>
  ).map((row) => row.tracking_code);
  store.close();
  const officeId = seeded.officeIds[0]!;
  for (const body of [
    ['--kind', 'commune-of-birth', '--name-ar', 'جماعة بركان', '--name-fr', 'Commune de Berkane', '--commune', 'Berkane', '--email', 'etat-civil@berkane.example'],
    ['--kind', 'commune-of-birth', '--name-ar', 'جماعة وجدة', '--name-fr', "Commune d'Oujda", '--commune', 'Oujda', '--endpoint', 'https://etat-civil.oujda.example/shubbak/demandes'],
    ['--kind', 'commune-legalisation-office', '--name-ar', 'مكتب تصحيح الإمضاءات', '--name-fr', 'Bureau de légalisation', '--email', 'legalisation@berkane.example'],
  ]) {
    await runBackofficeCli(['add-body', '--office', officeId, ...body, '--data', dataDir]);
  }
  const smtp = await startTestSmtpServer();
  const { code } = parseAddStaff(await runBackofficeCli(['add-staff', '--office', officeId, '--role', 'admin', '--name', 'Leila Bennani', '--data', dataDir]));
  await runBackofficeCli(['add-staff', '--office', officeId, '--role', 'agent', '--name', 'Youssef Alaoui', '--data', dataDir]);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = spawnBackofficeCli(['serve', '--port', String(port), '--data', dataDir], { SHUBBAK_SMTP_URL: smtp.url, SHUBBAK_MAIL_FROM: 'annexe3@berkane.example' });
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

    // Forwards: each birth extract taken into review is mailed to the commune, but the last, which
    // waits while the mail server is down.
    for (const [index, trackingCode] of birthExtracts.entries()) {
      if (index === birthExtracts.length - 1) {
        await smtp.waitForMails(index, 60_000);
        await smtp.stop();
      }
      await openRequest(page, trackingCode);
      await act(page, 'assign');
      await act(page, 'startReview');
    }
    for (const [nav, testId, name] of [
      ['forwarded', 'forwarded-table', 'forwarded'],
      ['directory', 'directory-table', 'directory'],
    ] as const) {
      await page.locator(byTestId(`nav-${nav}`)).click();
      await settle(page, testId);
      await shoot(page, name);
    }
  } finally {
    await browser.close();
    await stopProcess(server, 'SIGTERM');
    await smtp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
