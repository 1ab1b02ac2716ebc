import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { LOCALES, directionOf, type Locale } from '../../src/domain/locales';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import type { OutboxItem } from '../../src/storage/db';
import { lastNonEmptyLine } from '../../scripts/processes';
import { launchKiosk, putOutboxRows, startBackoffice, startKioskServer, type LaunchedKiosk, type RunningBackoffice } from './harness';

/**
 * Every supervisor screen, in each of the four languages, through axe-core (WCAG 2.2 A and AA,
 * contrast included) and the kiosk's own rule of touch targets of at least 48 px.
 */

// The page's CSP allows no inline script: axe is evaluated through the DevTools protocol.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MIN_TARGET_PX = 48;
const TARGETS = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"]';
const PIN = '482915';
const LANGUAGE_NAMES: Record<Locale, string> = { ar: 'العربية', zgh: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', fr: 'Français', en: 'English' };

async function problemsOnScreen(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    type AxeRun = (context: Element, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
    const { axe } = window as unknown as { axe: { run: AxeRun } };
    const dialog = document.querySelector('[role="dialog"]')!;
    const results = await axe.run(dialog, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`));
  }, WCAG_22_AA);
  const small = await page.evaluate(
    ({ selector, min }) =>
      [...document.querySelectorAll<HTMLElement>(`[role="dialog"] :is(${selector})`)].flatMap((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || (box.width >= min - 0.5 && box.height >= min - 0.5)) return [];
        return [`${element.tagName.toLowerCase()} "${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}" is ${Math.round(box.width)}×${Math.round(box.height)} px`];
      }),
    { selector: TARGETS, min: MIN_TARGET_PX },
  );
  return [...violations, ...small].map((problem) => `${where}: ${problem}`);
}

async function holdOfficeLogo(page: Page): Promise<void> {
  const box = (await page.getByTestId('office-logo').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(3_300);
  await page.mouse.up();
  await page.getByRole('dialog').waitFor();
}

async function typePin(page: Page, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (const digit of pin) await dialog.getByRole('button', { name: digit, exact: true }).click();
  await dialog.locator('.sv-key-submit').click();
}

describe('the supervisor screens’ accessibility', () => {
  let backoffice: RunningBackoffice;
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;
  /** Checked as the first run shows it, before the kiosk has a PIN. */
  let firstRunProblems: string[] = [];

  beforeAll(async () => {
    // The first PIN is given only after an enrolment with a one-time code (supervisorMachine).
    backoffice = await startBackoffice();
    await backoffice.cli(['demo-setup']);
    const code = lastNonEmptyLine(await backoffice.cli(['enrol-code', '--office', 'demo']));
    server = await startKioskServer({ backofficeUrl: backoffice.url });
    kiosk = await launchKiosk({ url: server.url });
    const { page } = kiosk;
    await page.getByTestId('office-logo').waitFor();
    await holdOfficeLogo(page);
    const dialog = page.getByRole('dialog');
    const enrolment = dialog.locator('form.sv-card');
    await enrolment.waitFor();
    firstRunProblems = await problemsOnScreen(page, 'first run');
    await enrolment.getByPlaceholder('ABCD-1234').fill(code ?? '');
    await enrolment.locator('input').last().fill('Accessibility kiosk');
    await enrolment.locator('button[type="submit"]').click();
    await dialog.locator('.sv-key-submit').waitFor({ timeout: 30_000 });
    await typePin(page, PIN);
    await typePin(page, PIN);
    await page.locator('.sv-tabs').waitFor();
    const trackingCode = formatTrackingCode('QA7', 700_001);
    const row: OutboxItem = {
      id: '01900000-0000-7000-8000-000000700001', kioskSeq: 700_001, trackingCode, serviceId: 'residence', state: 'rejected', request: null,
      createdAt: Date.now(), attempts: 2, lastError: 'invalid: identity.cin', lastAttemptAt: null, rejection: null,
    };
    await putOutboxRows(page, [row]);
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
    await backoffice?.stop();
  });

  it('keeps the first run (the enrolment that comes before the PIN) accessible', () => {
    expect(firstRunProblems).toEqual([]);
  });

  it.each(LOCALES)('passes WCAG 2.2 AA with 48 px targets in %s, in the right direction', async (locale) => {
    const { page } = kiosk;
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: LANGUAGE_NAMES[locale], exact: true }).click();
    expect(await dialog.getAttribute('dir')).toBe(directionOf(locale));
    expect(await dialog.getAttribute('lang')).toBe(locale);

    const problems: string[] = [];
    const tabs = page.locator('.sv-tab');
    for (const [index, area] of ['dashboard', 'outbox', 'settings', 'audit'].entries()) {
      await tabs.nth(index).click();
      await page.locator('.sv-area h2').waitFor();
      problems.push(...(await problemsOnScreen(page, `${locale} ${area}`)));
    }
    expect(problems).toEqual([]);
  });

  it('keeps the PIN pad accessible too', async () => {
    const { page } = kiosk;
    await page.getByRole('dialog').locator('.sv-header .sv-button').last().click();
    await holdOfficeLogo(page);
    expect(await problemsOnScreen(page, 'PIN pad')).toEqual([]);
  });
});
