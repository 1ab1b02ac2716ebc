import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { lastNonEmptyLine } from '../../scripts/processes';
import { startTestSmtpServer, type TestSmtpServer } from '../support/testSmtpServer';
import { byTestId, CITIZEN, confirmAndSave, lookUp, shows, tap, typeInto } from './citizenSteps';
import { act, activate, openRequest, parseAddStaff, requestStatus } from './consoleSteps';
import { DIST_DIR, launchKiosk, metaValue, outboxRows, REPO_ROOT, startBackoffice, startKioskServer, waitFor, type LaunchedKiosk, type RunningBackoffice } from './harness';
import { launchConsoleBrowser, type ConsoleBrowser } from './support/console';

/** A tiny but real PDF, as a commune's clerk would upload the extract it issued. */
const EXTRACT_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const COMMUNE_MAIL = 'etat-civil@fes.example';

/**
 * Issue 10's routing journey, every step in Chromium against the real back office (SQLite) whose
 * mail goes to a real SMTP server in this process: a citizen asks the kiosk for a birth extract
 * (the catalogue has the commune of birth handle it), an agent accepts it in the console, the
 * commune receives the forwarding mail with its PDF, opens the reply link in a browser and
 * answers "done" with the extract; the kiosk's status check then shows the request ready, and the
 * same link opened again is refused on the page.
 */
describe('a birth extract routed to the commune of birth, answered through the reply link, in Chromium', () => {
  let smtp: TestSmtpServer;
  let backoffice: RunningBackoffice;
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;
  let consoleBrowser: ConsoleBrowser;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST_DIR, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
    if (!existsSync(path.join(REPO_ROOT, 'dist-console', 'index.html'))) throw new Error('dist-console/ is missing: run `npm run build:console` first');
    smtp = await startTestSmtpServer();
    backoffice = await startBackoffice({ env: { SHUBBAK_SMTP_URL: smtp.url, SHUBBAK_MAIL_FROM: '"Annexe" <annexe@demo.example>' } });
    const code = lastNonEmptyLine(await backoffice.cli(['demo-setup']));
    // The demo office's directory: the commune of Fès, reached by e-mail.
    await backoffice.cli(['add-body', '--office', 'demo', '--kind', 'commune-of-birth', '--name-ar', 'جماعة فاس', '--name-fr', 'Commune de Fès', '--commune', 'Fès', '--email', COMMUNE_MAIL]);
    server = await startKioskServer({ backofficeUrl: backoffice.url, ...(code ? { demoEnrolmentCode: code } : {}) });
    kiosk = await launchKiosk({ url: server.url });
    await waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'the kiosk enrolled itself with the demo code' });
    consoleBrowser = await launchConsoleBrowser(new URL('console/', backoffice.url).href);
  }, 180_000);

  afterAll(async () => {
    await consoleBrowser?.close();
    await kiosk?.close();
    await server?.close();
    await backoffice?.stop();
    await smtp?.stop();
  });

  /** At the kiosk, in French: the birth extract of someone born in Fès; returns the tracking code once the back office has it. */
  async function requestBirthExtract(page: Page): Promise<string> {
    await page.reload();
    await shows(page, 'screen-attract');
    await tap(page, 'language-fr');
    await tap(page, 'start');
    await tap(page, 'new-request');
    await tap(page, 'service-birth_extract');
    await shows(page, 'screen-service');
    await tap(page, 'next');
    await shows(page, 'screen-identity');
    for (const [key, value] of Object.entries(CITIZEN)) await typeInto(page, `identity.${key}`, value);
    await tap(page, 'next');
    await shows(page, 'screen-fields');
    await typeInto(page, 'fields.communeOfBirth', 'Fès');
    await typeInto(page, 'fields.actNumber', '1234');
    await typeInto(page, 'fields.actYear', '1990');
    await tap(page, 'next');
    await shows(page, 'screen-review');
    const trackingCode = await confirmAndSave(page);
    await waitFor(async () => (await outboxRows(page)).find((row) => row.trackingCode === trackingCode)?.state === 'synced', {
      timeoutMs: 60_000,
      description: 'the request acknowledged by the back office',
    });
    await tap(page, 'finish');
    return trackingCode;
  }

  /** The reply link as the mail's text gives it (the back office's own address: no public URL is set). */
  function replyLinkIn(mail: ParsedMail): string {
    const link = /(https?:\/\/\S+\/reply\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    if (!link) throw new Error(`no reply link in the mail:\n${mail.text}`);
    return link;
  }

  it('goes from the kiosk to the commune and back, and the kiosk shows it ready', async () => {
    const trackingCode = await requestBirthExtract(kiosk.page);

    // An agent accepts it in the console: assigned, then taken into review, which forwards it.
    const { code } = parseAddStaff(await backoffice.cli(['add-staff', '--office', 'demo', '--role', 'agent', '--name', 'Amina Berrada']));
    const agent = await consoleBrowser.newDesk();
    await activate(agent, code);
    await openRequest(agent, trackingCode);
    await act(agent, 'assign');
    await act(agent, 'startReview');
    expect(await requestStatus(agent)).toBe('inReview');
    await shows(agent, 'request-forwards');
    expect(await agent.locator(byTestId('request-forwards')).textContent()).toContain('Commune de Fès');

    // The messages worker mails it to the commune: the text, the PDF to file, the JSON.
    const [mail] = await smtp.waitForMails(1, 60_000);
    expect(mail!.to).toMatchObject({ text: COMMUNE_MAIL });
    expect(mail!.subject).toContain(trackingCode);
    const pdf = mail!.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(pdf?.filename).toBe(`demande-${trackingCode}.pdf`);
    expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(mail!.attachments.find((attachment) => attachment.contentType === 'application/json')).toBeDefined();
    const link = replyLinkIn(mail!);
    expect(link.startsWith(backoffice.url)).toBe(true);

    // The commune's clerk opens the link in a browser (twice: a second tab left open on the form).
    const clerk = await consoleBrowser.newDesk();
    const staleTab = await clerk.context().newPage();
    await staleTab.goto(link);
    await clerk.goto(link);
    const french = clerk.locator('section[lang="fr"]');
    await french.locator('h1').waitFor();
    expect(await french.textContent()).toContain(trackingCode);
    expect(await clerk.locator('section[lang="ar"]').getAttribute('dir')).toBe('rtl');
    // It answers "done", with the extract attached.
    await french.locator('input[type="file"]').setInputFiles({ name: 'extrait.pdf', mimeType: 'application/pdf', buffer: EXTRACT_PDF });
    await french.locator('form:has(input[name="answer"][value="done"]) button[type="submit"]').click();
    await clerk.locator('section[lang="fr"] [role="status"]').waitFor();
    expect(await clerk.locator('section[lang="fr"] [role="status"]').textContent()).toBe(`Merci. La demande ${trackingCode} est maintenant prête ; le citoyen en est informé.`);

    // The same link opened again (a replay) is refused, on the page, in both languages.
    const replayed = await clerk.goto(link);
    expect(replayed?.status()).toBe(409);
    expect(await clerk.locator('section[lang="fr"] [role="alert"]').textContent()).toBe('Cette demande a déjà reçu sa réponse : un lien ne sert qu’une fois.');
    expect(await clerk.locator('section[lang="ar"] [role="alert"]').textContent()).toBe('سبق الرد على هذا الطلب: الرابط صالح لمرة واحدة.');
    // And so is the form of the tab left open, sent afterwards: a refusal does not overwrite the answer.
    const staleFrench = staleTab.locator('section[lang="fr"]');
    await staleFrench.locator('select[name="reasonCode"]').selectOption('other');
    await staleFrench.locator('textarea[name="reason"]').fill('Acte introuvable');
    await staleFrench.locator('form:has(input[name="answer"][value="refused"]) button[type="submit"]').click();
    await staleTab.locator('section[lang="fr"] [role="alert"]').waitFor();
    expect(await staleTab.locator('section[lang="fr"] [role="alert"]').textContent()).toBe('Cette demande a déjà reçu sa réponse : un lien ne sert qu’une fois.');

    // The console shows the forward answered and the request ready, with the commune's document.
    await openRequest(agent, trackingCode);
    await expect.poll(() => agent.locator(byTestId('forward-standing')).first().getAttribute('data-standing'), { timeout: 30_000 }).toBe('answered');
    expect(await requestStatus(agent)).toBe('ready');
    await shows(agent, 'forward-document');

    // At the kiosk, the citizen's status check shows it ready (once the kiosk has pulled the change).
    const seen: Array<string | null> = [];
    await waitFor(
      async () => {
        await kiosk.page.reload();
        seen.push(await lookUp(kiosk.page, trackingCode, 'fr'));
        return seen.at(-1) === 'ready';
      },
      { timeoutMs: 90_000, intervalMs: 1_000, description: () => `the kiosk's status check showing ${trackingCode} ready (seen: ${seen.join(', ')})` },
    );
    expect(await kiosk.page.locator(byTestId('lookup-status')).isVisible()).toBe(true);
  }, 300_000);
});
