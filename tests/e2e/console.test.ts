import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { byTestId, confirmAndSave, lookUp, requestResidenceUpToReview, shows, tap } from './citizenSteps';
import { act, activate, openRequest, parseAddStaff, requestStatus, tabTo } from './consoleSteps';
import { DIST_DIR, launchKiosk, metaValue, outboxRows, startDemoOffice, waitFor, type LaunchedKiosk, type RunningBackoffice } from './harness';
import { axeViolations } from './support/axe';
import { launchConsoleBrowser, type ConsoleBrowser } from './support/console';

/**
 * The office console end to end: a request made at the built kiosk, processed in the built
 * console served by the real back office, and seen ready at the kiosk's status check.
 */
describe('the office console, with the kiosk and the real back office', () => {
  let backoffice: RunningBackoffice;
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;
  let browser: ConsoleBrowser;

  async function makeRequest(): Promise<string> {
    const { page } = kiosk;
    await page.reload();
    await requestResidenceUpToReview(page, 'fr');
    const trackingCode = await confirmAndSave(page);
    await waitFor(async () => (await outboxRows(page)).find((row) => row.trackingCode === trackingCode)?.state === 'synced', {
      timeoutMs: 60_000,
      description: 'the request acknowledged by the back office',
    });
    await tap(page, 'finish');
    return trackingCode;
  }

  async function deskFor(role: 'agent' | 'chief' | 'admin', name: string): Promise<Page> {
    const { code } = parseAddStaff(await backoffice.cli(['add-staff', '--office', 'demo', '--role', role, '--name', name]));
    const desk = await browser.newDesk();
    await activate(desk, code);
    return desk;
  }

  beforeAll(async () => {
    ({ backoffice, server } = await startDemoOffice());
    kiosk = await launchKiosk({ url: server.url });
    await waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'the kiosk enrolled itself with the demo code' });
    browser = await launchConsoleBrowser(new URL('console/', backoffice.url).href);
  });

  afterAll(async () => {
    await browser?.close();
    await kiosk?.close();
    await server?.close();
    await backoffice?.stop();
  });

  it('takes a kiosk request from New to collected: assign, review with the checklist, certificate issued by the chief, ready at the kiosk, collection', async () => {
    const trackingCode = await makeRequest();
    const agent = await deskFor('agent', 'Amina Berrada');

    // The New queue lists it (the page polls the office's changes, so no reload is needed).
    await shows(agent, `row-${trackingCode}`);
    await openRequest(agent, trackingCode);
    expect(await requestStatus(agent)).toBe('received');
    await act(agent, 'assign');
    await act(agent, 'startReview');
    expect(await requestStatus(agent)).toBe('inReview');
    const papers = await agent.locator('[data-testid^="checklist-"][type="checkbox"]').count();
    expect(papers).toBeGreaterThan(0);
    for (let index = 0; index < papers; index += 1) {
      // The box shows what the back office recorded: it turns ticked once the answer is in.
      await agent.locator(byTestId(`checklist-${index}`)).click();
      await agent.waitForFunction((selector) => (document.querySelector(selector) as HTMLInputElement | null)?.checked === true, byTestId(`checklist-${index}`));
    }
    await shows(agent, 'checklist-progress');
    expect(await agent.locator(byTestId('checklist-progress')).textContent()).toContain(`${papers}`);

    // The residence certificate is a document the office issues: not "mark ready" for the agent,
    // the head of the annex issues (renders, signs, stores) it, which makes the request ready.
    expect(await agent.locator(byTestId('action-markReady')).count()).toBe(0);
    const chief = await deskFor('chief', 'Said Chafik');
    await openRequest(chief, trackingCode);
    await act(chief, 'issueCertificate');
    expect(await requestStatus(chief)).toBe('ready');
    // The certificate is listed with its PDF, which the chief's session may open.
    const pdfLink = chief.locator(byTestId('certificate-pdf')).first();
    await pdfLink.waitFor({ state: 'visible' });
    const pdf = await chief.request.get(new URL((await pdfLink.getAttribute('href'))!, chief.url()).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await agent.reload();
    await shows(agent, 'page-request');
    expect(await requestStatus(agent)).toBe('ready');

    // The citizen's status check at the kiosk says ready once the kiosk has pulled the change.
    await waitFor(async () => (await lookUp(kiosk.page, trackingCode)) === 'ready' || (await kiosk.page.reload(), false), {
      timeoutMs: 60_000,
      description: 'the kiosk status check shows ready',
    });

    await tap(agent, 'action-collect');
    await tap(agent, 'collection-holder');
    await tap(agent, 'collection-confirm');
    await agent.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-status') === 'collected', byTestId('page-request'));
    expect(await agent.locator(byTestId('timeline')).textContent()).toContain('Collected by the holder');
  });

  it('tells the second of two agents acting on one request that the other was first', async () => {
    const trackingCode = await makeRequest();
    const first = await deskFor('agent', 'Youssef Alaoui');
    const second = await deskFor('agent', 'Nadia Tazi');
    await openRequest(first, trackingCode);
    await openRequest(second, trackingCode);

    await act(first, 'assign');
    await act(second, 'assign');
    await shows(second, 'notice-conflict');
    expect(await second.locator(byTestId('assignee')).textContent()).toContain('Youssef Alaoui');
    expect(await first.locator(byTestId('assignee')).textContent()).toContain('Youssef Alaoui');
  });

  it('lets an agent find, take and review a request with the keyboard alone', async () => {
    const trackingCode = await makeRequest();
    const agent = await deskFor('agent', 'Karim Lahlou');
    await tabTo(agent, 'search');
    await agent.keyboard.type(trackingCode);
    await agent.keyboard.press('Enter');
    await shows(agent, `row-${trackingCode}`);
    await tabTo(agent, `open-${trackingCode}`);
    await agent.keyboard.press('Enter');
    await shows(agent, 'page-request');
    await tabTo(agent, 'action-assign');
    await agent.keyboard.press('Enter');
    await shows(agent, 'action-startReview');
    await tabTo(agent, 'action-startReview');
    await agent.keyboard.press('Space');
    await agent.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-status') === 'inReview', byTestId('page-request'));
    await tabTo(agent, 'checklist-0');
    await agent.keyboard.press('Space');
    await agent.waitForFunction((selector) => (document.querySelector(selector) as HTMLInputElement | null)?.checked === true, byTestId('checklist-0'));
  });

  it('lets an admin add a body to the directory and remove it, as the CLI then lists it; an agent has no directory', async () => {
    const agent = await deskFor('agent', 'Rachid Agent');
    await shows(agent, 'nav-forwarded');
    expect(await agent.locator(byTestId('nav-directory')).count()).toBe(0);

    const admin = await deskFor('admin', 'Hind Admin');
    await openPage(admin, 'directory');
    await admin.locator(byTestId('body-kind')).fill('commune-legalisation-office');
    await admin.locator(byTestId('body-nameAr')).fill('مكتب تصحيح الإمضاء بفاس');
    await admin.locator(byTestId('body-nameFr')).fill('Légalisations de Fès');
    await admin.locator(byTestId('body-communes')).fill('Fès\nSefrou');
    await admin.locator(byTestId('body-endpoint')).fill('https://legalisation.fes.example/in');
    await tap(admin, 'body-add-submit');
    await shows(admin, 'directory-notice');
    const listed = await backoffice.cli(['list-bodies', '--office', 'demo']);
    const line = listed.split('\n').find((candidate) => candidate.includes('Légalisations de Fès'));
    expect(line).toContain('commune-legalisation-office');
    expect(line).toContain('https://legalisation.fes.example/in');
    expect(line).toContain('Fès, Sefrou');
    const bodyId = line!.split('\t')[0]!;
    await shows(admin, `body-row-${bodyId}`);

    await tap(admin, `body-remove-${bodyId}`);
    await tap(admin, `body-remove-confirm-${bodyId}`);
    await admin.waitForFunction((selector) => !document.querySelector(selector), byTestId(`body-row-${bodyId}`));
    expect(await backoffice.cli(['list-bodies', '--office', 'demo'])).not.toContain('Légalisations de Fès');
  });

  it('is axe clean on every page, in Arabic (right to left) and French, at 1366×768', async () => {
    const trackingCode = await makeRequest();
    const admin = await deskFor('admin', 'Leila Admin');
    // A body in the directory, so its page shows its table (and the form below it).
    await backoffice.cli(['add-body', '--office', 'demo', '--kind', 'commune-of-birth', '--name-ar', 'جماعة فاس', '--name-fr', 'Commune de Fès', '--commune', 'Fès', '--email', 'etat-civil@fes.example']);
    const problems: string[] = [];
    for (const locale of ['ar', 'fr'] as const) {
      await admin.locator(byTestId('language')).selectOption(locale);
      expect(await admin.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      const pages: Array<[string, () => Promise<void>]> = [
        ['queues', () => openQueues(admin)],
        ['request', () => openRequest(admin, trackingCode)],
        ['fleet', () => openPage(admin, 'fleet')],
        ['statistics', () => openPage(admin, 'statistics')],
        ['staff', () => openPage(admin, 'staff')],
        ['catalogue', () => openPage(admin, 'catalogue')],
        [
          'catalogue, a service open for editing',
          async () => {
            await admin.locator(byTestId('catalogue-edit-residence')).click();
            await shows(admin, 'service-edit');
          },
        ],
        ['forwarded', () => openPage(admin, 'forwarded')],
        ['directory', () => openPage(admin, 'directory')],
        [
          'directory, the new body form with its errors',
          async () => {
            await admin.locator(byTestId('body-add-submit')).click();
            await shows(admin, 'body-problems');
          },
        ],
      ];
      for (const [name, open] of pages) {
        await open();
        problems.push(...(await axeViolations(admin)).map((problem) => `[${locale}] ${name}: ${problem}`));
      }
    }
    const signedOut = await browser.newDesk();
    await shows(signedOut, 'page-sign-in');
    problems.push(...(await axeViolations(signedOut)).map((problem) => `sign-in: ${problem}`));
    expect(problems).toEqual([]);
    // The pages ran under the console's policy (no inline script or style) without breaking it.
    expect(browser.cspViolations()).toEqual([]);
  });
});

describe("the kiosk's build", () => {
  it('carries nothing of the console: no console translations, no console screens', () => {
    const assets = readdirSync(path.join(DIST_DIR, 'assets')).filter((file) => /\.(js|json)$/.test(file));
    // Strings only the console has: its English and French translations, and its page component names.
    const consoleOnly = ['inReviewMine', "Skip to the page's content", 'Aller au contenu de la page', 'refusalForm', 'page-queues'];
    const found = assets.flatMap((file) => {
      const text = readFileSync(path.join(DIST_DIR, 'assets', file), 'utf8');
      return consoleOnly.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`);
    });
    expect(found).toEqual([]);
  });
});

async function openQueues(page: Page): Promise<void> {
  await openPage(page, 'queues');
  await shows(page, 'queue-count-new');
}

async function openPage(page: Page, name: 'queues' | 'fleet' | 'statistics' | 'staff' | 'catalogue' | 'forwarded' | 'directory'): Promise<void> {
  await tap(page, `nav-${name}`);
  await shows(page, `page-${name}`);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}
