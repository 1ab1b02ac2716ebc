import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastNonEmptyLine } from '../../scripts/processes';
import { DATABASE_FILE } from '../../backoffice/src/store/openStore';
import { startFakeSmsGateway, type FakeSmsGateway } from '../support/fakeSmsGateway';
import { startTestSmtpServer, type TestSmtpServer } from '../support/testSmtpServer';
import { byTestId, shows, tap } from './citizenSteps';
import { CHROMIUM, CHROMIUM_ARGS, ChromiumMissingError, REPO_ROOT, startBackoffice, waitFor, type RunningBackoffice } from './harness';
import { axeViolations } from './support/axe';
import { DEMO_PASSWORD, parseAddStaff } from './consoleSteps';
import { CONSOLE_ROUTES } from '../../src/domain/console/routes';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/domain/console/session';
import { requestPageSchema } from '../../src/domain/console/requestRow';
import { requestDetailSchema } from '../../src/domain/console/requestDetail';

/** The portal's build, served by the back office at /portal/ (npm run build:portal). */
const PORTAL_DIST = path.join(REPO_ROOT, 'dist-portal');
const PHONE_INPUT = '0612345678';
const PHONE = '+212612345678';
const EMAIL = 'fatima.elamrani@example.org';

/**
 * The citizens' portal end to end, in Chromium, against the real back office (SQLite) whose
 * message channels are a fake SMS gateway over HTTP and a real SMTP server in this process:
 * sign-in with the code read from the gateway, a request made offline and kept by the service
 * worker's shell, sent once back online, made ready at the office, the citizen's SMS and e-mail
 * in the request's language, and "my requests" showing it ready.
 */
describe('the citizens\' portal, in Chromium, with the real back office and message channels', () => {
  let backoffice: RunningBackoffice;
  let gateway: FakeSmsGateway;
  let smtp: TestSmtpServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new ChromiumMissingError(CHROMIUM);
    if (!existsSync(path.join(PORTAL_DIST, 'index.html'))) throw new Error('dist-portal/ is missing: run `npm run build:portal` first');
    gateway = await startFakeSmsGateway();
    smtp = await startTestSmtpServer();
    backoffice = await startBackoffice({
      env: {
        SHUBBAK_SMS_URL: gateway.url,
        SHUBBAK_SMS_FORMAT: 'json',
        SHUBBAK_SMTP_URL: smtp.url,
        SHUBBAK_MAIL_FROM: 'no-reply@annexe.example',
      },
    });
    // The demo office: a catalogue the portal offers, and an annex one can collect at.
    lastNonEmptyLine(await backoffice.cli(['demo-setup']));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await backoffice?.stop();
    await smtp?.stop();
    await gateway?.close();
  });

  async function phoneContext(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });
    const page = await context.newPage();
    return { context, page };
  }

  async function noAxeViolations(page: Page, screen: string): Promise<void> {
    expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
  }

  /** What the back office stored under this tracking code (read from its SQLite file, as the console would). */
  function storedRows(trackingCode: string): Array<{ channel: string; status: string }> {
    const db = new Database(path.join(backoffice.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT channel, status FROM requests WHERE tracking_code = ?').all(trackingCode) as Array<{ channel: string; status: string }>;
    } finally {
      db.close();
    }
  }

  /**
   * The head of the annex, an account made by the CLI and activated through the console's API,
   * takes the request from received to ready as the console does: search, assign, review, tick
   * the checklist, issue the certificate (which makes it ready). The search also shows its channel.
   */
  async function processToReadyInConsole(trackingCode: string, chiefName: string, locale: 'fr' | 'ar'): Promise<void> {
    const { code } = parseAddStaff(await backoffice.cli(['add-staff', '--office', 'demo', '--role', 'chief', '--name', chiefName]));
    const api = (route: string, params: Record<string, string> = {}) =>
      new URL(Object.entries({ officeId: 'demo', ...params }).reduce((url, [key, value]) => url.replace(`:${key}`, encodeURIComponent(value)), route), backoffice.url).href;
    const activated = await fetch(api(CONSOLE_ROUTES.activate.path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, password: DEMO_PASSWORD }),
    });
    expect(activated.status).toBe(200);
    const cookie = activated.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
    const { csrfToken } = (await activated.json()) as { csrfToken: string };
    const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
      const response = await fetch(url, {
        method,
        headers: { cookie, [CSRF_HEADER]: csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status, `${method} ${url}: ${response.status}`).toBe(200);
      return response.json() as Promise<unknown>;
    };
    const found = requestPageSchema.parse(await call('GET', `${api(CONSOLE_ROUTES.search.path)}?q=${encodeURIComponent(trackingCode)}`));
    expect(found.items.map((row) => [row.trackingCode, row.channel])).toEqual([[trackingCode, 'portal']]);
    const requestId = found.items[0]!.id;
    let detail = requestDetailSchema.parse(await call('POST', api(CONSOLE_ROUTES.assign.path, { requestId }), { expectedVersion: 0 }));
    detail = requestDetailSchema.parse(await call('POST', api(CONSOLE_ROUTES.status.path, { requestId }), { expectedVersion: detail.version, status: 'inReview' }));
    for (let index = 0; index < detail.checklist.length; index += 1) {
      detail = requestDetailSchema.parse(await call('POST', api(CONSOLE_ROUTES.checklist.path, { requestId }), { expectedVersion: detail.version, index, checked: true }));
    }
    await call('POST', api(CONSOLE_ROUTES.certificateIssue.path, { requestId }), { expectedVersion: detail.version });
    detail = requestDetailSchema.parse(await call('GET', api(CONSOLE_ROUTES.request.path, { requestId })));
    expect([detail.status, detail.channel, detail.locale]).toEqual(['ready', 'portal', locale]);
  }

  /** The residence certificate at the demo annex, from the choice of document to "send", contact by SMS and e-mail agreed. */
  async function fillRequest(page: Page, citizen: { phone: string; email: string; axe: boolean }): Promise<void> {
    const checkAxe = (screen: string) => (citizen.axe ? noAxeViolations(page, screen) : Promise.resolve());
    await tap(page, 'service-residence');
    await shows(page, 'office-demo');
    await checkAxe('annex');
    await tap(page, 'office-demo');
    await shows(page, 'field-identity-cin');
    await checkAxe('identity');
    await fill(page, 'identity-cin', 'AB123456');
    await fill(page, 'identity-lastNameLatin', 'El Amrani');
    await fill(page, 'identity-firstNameLatin', 'Fatima');
    await fill(page, 'identity-dateOfBirth', '1990-04-12');
    await fill(page, 'identity-phone', citizen.phone);
    await tap(page, 'form-next');
    await shows(page, 'field-fields-address');
    await checkAxe('fields');
    await fill(page, 'fields-address', '12 rue Atlas, Berkane');
    await page.locator(byTestId('field-fields-proofOfAddress')).selectOption('bill');
    await tap(page, 'form-next');
    await shows(page, 'consent-accept');
    await checkAxe('consent');
    await page.locator(byTestId('contact-agree')).check();
    await shows(page, 'contact-email');
    await page.locator(byTestId('contact-email')).fill(citizen.email);
    await tap(page, 'consent-accept');
    await shows(page, 'review-send');
    await checkAxe('review');
    await tap(page, 'review-send');
  }

  async function fill(page: Page, field: string, value: string): Promise<void> {
    await page.locator(byTestId(`field-${field}`)).fill(value);
  }

  /** Asks for a code for this number and returns the 6 digits read from the fake gateway. */
  async function askCode(page: Page, phoneInput: string, phone: string): Promise<string> {
    await shows(page, 'login-phone');
    await noAxeViolations(page, 'login');
    const before = gateway.accepted.length;
    await page.locator(byTestId('login-phone')).fill(phoneInput);
    await tap(page, 'login-send-code');
    const [sms] = (await gateway.waitForSms(before + 1, 60_000)).slice(before);
    expect(sms!.to).toBe(phone);
    const code = /(\d{6})/.exec(sms!.text)?.[1];
    expect(code, sms!.text).toMatch(/^\d{6}$/);
    return code!;
  }

  async function signInBySms(page: Page, phoneInput = PHONE_INPUT, phone = PHONE): Promise<void> {
    const code = await askCode(page, phoneInput, phone);
    await shows(page, 'login-code');
    await page.locator(byTestId('login-code')).fill(code);
    await tap(page, 'login-verify');
  }

  it('signs in by SMS, makes a request offline, sends it once back online, and tells the citizen it is ready', async () => {
    const { context, page } = await phoneContext();
    try {
      await page.goto(new URL('portal/', backoffice.url).href);
      await shows(page, 'language-fr');
      await noAxeViolations(page, 'language');
      await tap(page, 'language-fr');
      await signInBySms(page);
      await shows(page, 'service-residence');
      // The shell and its assets come from the service worker from now on.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await context.setOffline(true);
      await fillRequest(page, { phone: PHONE_INPUT, email: EMAIL, axe: true });
      await shows(page, 'receipt-queued');
      const trackingCode = ((await page.locator(byTestId('receipt-code')).textContent()) ?? '').trim();
      expect(trackingCode).toMatch(/^[0-9A-Z]{3}-\d{5}-[0-9A-Z]$/);
      await noAxeViolations(page, 'receipt');
      expect(storedRows(trackingCode)).toEqual([]);

      // Offline, a reload still opens the portal: the service worker answers with the cached shell.
      await page.reload();
      await shows(page, 'nav-requests');
      await tap(page, 'nav-requests');
      await shows(page, 'request-waiting');

      // Back online: the outbox sends it, once.
      await context.setOffline(false);
      await waitFor(() => storedRows(trackingCode).length > 0 || null, { timeoutMs: 90_000, description: 'the request reached the back office' });
      await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-pending') === '0' || !document.querySelector(selector), byTestId('outbox-banner'), { timeout: 60_000 });
      expect(storedRows(trackingCode)).toEqual([{ channel: 'portal', status: 'received' }]);

      // The office makes it ready: the citizen hears of it by SMS and by e-mail, in French.
      const smsBefore = gateway.accepted.length;
      await processToReadyInConsole(trackingCode, 'Said Chafik', 'fr');
      const [sms] = (await gateway.waitForSms(smsBefore + 1, 60_000)).slice(smsBefore);
      expect(sms!.to).toBe(PHONE);
      expect(sms!.text).toContain(trackingCode);
      expect(sms!.text).toContain('est prêt');
      const mails = await smtp.waitForMails(1, 60_000);
      const mail = mails.find((each) => each.subject?.includes(trackingCode));
      expect(mail?.subject).toBe(`Votre document est prêt (${trackingCode})`);
      expect(mail?.text).toContain('est prêt');
      expect(JSON.stringify(mail?.to)).toContain(EMAIL);
      expect(storedRows(trackingCode)).toEqual([{ channel: 'portal', status: 'ready' }]);

      // "My requests" shows it ready.
      await tap(page, 'requests-refresh');
      await page.locator(`[data-testid="request"][data-tracking-code="${trackingCode}"][data-status="ready"]`).waitFor({ timeout: 30_000 });
      await noAxeViolations(page, 'my requests');
    } catch (error) {
      console.log(await page.locator('body').innerText().catch(() => 'no page'));
      throw error;
    } finally {
      await context.close();
    }
  });

  it('works in Arabic, right to left: a request sent online, the SMS and e-mail in Arabic', async () => {
    const { context, page } = await phoneContext();
    try {
      await page.goto(new URL('portal/', backoffice.url).href);
      await tap(page, 'language-ar');
      // The language's texts load lazily; the page turns right to left once they are in.
      await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl', undefined, { timeout: 15_000 });
      await signInBySms(page, '0698765432', '+212698765432');
      await shows(page, 'service-residence');
      await noAxeViolations(page, 'documents (ar)');
      await fillRequest(page, { phone: '0698765432', email: 'ar.citizen@example.org', axe: false });
      await shows(page, 'receipt-sent', 60_000);
      await noAxeViolations(page, 'receipt (ar)');
      const trackingCode = ((await page.locator(byTestId('receipt-code')).textContent()) ?? '').trim();
      expect(storedRows(trackingCode)).toEqual([{ channel: 'portal', status: 'received' }]);

      const smsBefore = gateway.accepted.length;
      await processToReadyInConsole(trackingCode, 'Nadia Tazi', 'ar');
      const [sms] = (await gateway.waitForSms(smsBefore + 1, 60_000)).slice(smsBefore);
      expect(sms!.to).toBe('+212698765432');
      expect(sms!.text).toContain(trackingCode);
      expect(sms!.text).toContain('جاهزة');
      await waitFor(() => smtp.mails.some((each) => each.subject?.includes(trackingCode)) || null, { timeoutMs: 60_000, description: 'the Arabic e-mail' });
      const mail = smtp.mails.find((each) => each.subject?.includes(trackingCode));
      expect(mail?.subject).toBe(`الوثيقة جاهزة (${trackingCode})`);
      expect(JSON.stringify(mail?.to)).toContain('ar.citizen@example.org');

      await tap(page, 'nav-requests');
      await page.locator(`[data-testid="request"][data-tracking-code="${trackingCode}"][data-status="ready"]`).waitFor({ timeout: 30_000 });
      await noAxeViolations(page, 'my requests (ar)');
    } catch (error) {
      console.log(await page.locator('body').innerText().catch(() => 'no page'));
      throw error;
    } finally {
      await context.close();
    }
  });

  it('refuses code guessing: after wrong codes even the right one no longer opens a session', async () => {
    const { context, page } = await phoneContext();
    try {
      await page.goto(new URL('portal/', backoffice.url).href);
      await tap(page, 'language-en');
      const code = await askCode(page, '0655555555', '+212655555555');
      const wrong = code === '000000' ? '111111' : '000000';
      await shows(page, 'login-code');
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await page.locator(byTestId('login-code')).fill(wrong);
        await tap(page, 'login-verify');
        await shows(page, 'login-error');
        await page.locator(byTestId('login-verify')).waitFor({ state: 'visible' });
        await page.waitForFunction((selector) => !(document.querySelector(selector) as HTMLButtonElement | null)?.disabled, byTestId('login-verify'));
      }
      // The code died after its few tries: the right one is refused now, and no session exists.
      await page.locator(byTestId('login-code')).fill(code);
      await tap(page, 'login-verify');
      await shows(page, 'login-error');
      await page.waitForFunction((selector) => !(document.querySelector(selector) as HTMLButtonElement | null)?.disabled, byTestId('login-verify'));
      expect(await page.locator(byTestId('service-residence')).count()).toBe(0);
      const verify = await fetch(new URL('api/v1/portal/login/sms/verify', backoffice.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '+212655555555', code }),
      });
      expect(verify.status).toBeGreaterThanOrEqual(400);
    } finally {
      await context.close();
    }
  });
});
