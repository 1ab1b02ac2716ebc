import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directionOf, LOCALES, type Locale } from '../../src/domain/locales';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { launchKiosk, metaValue, startDemoOffice, waitFor, type LaunchedKiosk, type RunningBackoffice } from './harness';

/**
 * Every citizen screen, in each of the four languages, through axe-core (WCAG 2.2 A and AA) and
 * two kiosk rules of our own: every touch target is at least 48×48 CSS px, and the page's
 * direction follows the language. Problems are collected for the whole walk, so one run lists
 * them all.
 */

// The page's CSP allows no inline script, so axe is evaluated through the DevTools protocol
// (which the CSP does not govern) rather than added as a <script> tag.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MIN_TARGET_PX = 48;
/** The kiosk settings' default idle timeout (src/domain/settings.ts). */
const IDLE_TIMEOUT_MS = 60_000;
const TARGETS = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="radio"], [role="checkbox"], [role="link"]';

const SAMPLE = {
  cin: 'AB123456',
  lastNameLatin: 'ALAOUI',
  firstNameLatin: 'SAMIRA',
  dateOfBirth: '15/04/1990',
  address: '12 rue Atlas, Berkane',
  postalCode: '63300',
};

const byTestId = (id: string) => `[data-testid="${id}"]`;
const field = (path: string) => byTestId(`field-${path.replace('.', '-')}`);

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    type AxeNode = { target: string[]; failureSummary?: string };
    type AxeRun = (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: AxeNode[] }> }>;
    const { axe } = window as unknown as { axe: { run: AxeRun } };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'n/a'}) at ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    );
  }, WCAG_22_AA);
}

async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ selector, min }) =>
      [...document.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
        const box = element.getBoundingClientRect();
        const shown = box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
        if (!shown || (box.width >= min - 0.5 && box.height >= min - 0.5)) return [];
        const name = element.dataset['testid'] ?? element.dataset['skbtn'] ?? element.id ?? element.tagName.toLowerCase();
        return [`${element.tagName.toLowerCase()} ${name} is ${Math.round(box.width)}×${Math.round(box.height)} px`];
      }),
    { selector: TARGETS, min: MIN_TARGET_PX },
  );
}

/** Runs every check on what the kiosk shows now; returns the problems, each prefixed with where it was seen. */
async function checkScreen(page: Page, where: string, locale: Locale): Promise<string[]> {
  const problems: string[] = [];
  const { dir, lang } = await page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
  if (dir !== directionOf(locale)) problems.push(`<html dir="${dir}">, expected ${directionOf(locale)}`);
  if (lang !== locale) problems.push(`<html lang="${lang}">, expected ${locale}`);
  problems.push(...(await axeViolations(page)), ...(await smallTargets(page)));
  return problems.map((problem) => `[${locale}] ${where}: ${problem}`);
}

async function tap(page: Page, testId: string): Promise<void> {
  await page.locator(byTestId(testId)).first().click();
}

async function shows(page: Page, testId: string): Promise<void> {
  await page.locator(byTestId(testId)).first().waitFor({ state: 'visible', timeout: 15_000 });
}

describe('accessibility of the citizen screens', () => {
  let backoffice: RunningBackoffice;
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    ({ backoffice, server } = await startDemoOffice());
    kiosk = await launchKiosk({ url: server.url });
    await waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'the kiosk enrolled itself with the demo code' });
    // Simulated time from the next load on (it flows normally until a test jumps it), so the
    // "still there?" dialog can be reached without waiting for the idle timeout.
    await kiosk.page.clock.install();
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
    await backoffice?.stop();
  });

  it.each(LOCALES)('meets WCAG 2.2 AA, 48 px targets and the writing direction on every screen in %s', async (locale) => {
    const { page } = kiosk;
    const problems: string[] = [];
    const check = async (where: string) => problems.push(...(await checkScreen(page, where, locale)));

    await page.reload();
    await shows(page, 'screen-attract');
    await tap(page, `language-${locale}`);
    await check('attract');

    await tap(page, 'start');
    await shows(page, 'screen-home');
    await check('home');
    await tap(page, 'help');
    await shows(page, 'help-notice');
    await check('home, help called');
    await tap(page, 'help-dismiss');
    await tap(page, 'toggle-contrast');
    await check('home, high contrast');
    await tap(page, 'toggle-contrast');

    await tap(page, 'new-request');
    await shows(page, 'screen-catalogue');
    await check('catalogue');

    await tap(page, 'service-residence');
    await shows(page, 'screen-service');
    await check('service');
    await tap(page, 'cancel');
    await shows(page, 'dialog-cancel');
    await check('cancel dialog');
    await tap(page, 'cancel-abort');

    await tap(page, 'next');
    await shows(page, 'screen-identity');
    await check('identity (with the on-screen keyboard)');
    await tap(page, 'toggle-large-text');
    await check('identity, large text');
    await tap(page, 'toggle-large-text');
    await tap(page, 'toggle-contrast');
    await check('identity, high contrast');
    await tap(page, 'toggle-contrast');
    await page.clock.fastForward(IDLE_TIMEOUT_MS + 1_000);
    await shows(page, 'dialog-still-there');
    await check('still there? dialog');
    await tap(page, 'idle-continue');
    for (const key of ['cin', 'lastNameLatin', 'firstNameLatin', 'dateOfBirth'] as const) await page.fill(field(`identity.${key}`), SAMPLE[key]);
    // A phone: the consent step also asks "SMS when my document is ready?".
    await page.fill(field('identity.phone'), '0612345678');

    await tap(page, 'next');
    await shows(page, 'screen-fields');
    await page.fill(field('fields.address'), SAMPLE.address);
    await page.fill(field('fields.postalCode'), SAMPLE.postalCode);
    await tap(page, 'field-fields-proofOfAddress-bill');
    await check('service fields');

    await tap(page, 'next');
    await shows(page, 'screen-review');
    await check('review');

    await tap(page, 'next');
    await shows(page, 'screen-consent');
    await check('consent');
    await tap(page, 'sms-when-ready-yes');
    await page.locator(`${byTestId('sms-when-ready-yes')}[aria-checked="true"]`).waitFor({ timeout: 5_000 });
    await check('consent, SMS yes chosen');

    await tap(page, 'consent-accept');
    await shows(page, 'screen-receipt');
    await check('receipt');
    const trackingCode = (await page.locator(byTestId('tracking-code')).textContent())?.trim() ?? '';

    await tap(page, 'finish');
    await shows(page, 'screen-attract');
    await tap(page, `language-${locale}`);
    await tap(page, 'start');
    await tap(page, 'check-status');
    await shows(page, 'screen-lookup');
    await check('status lookup');
    await page.fill(field('lookup.code'), trackingCode);
    await tap(page, 'lookup-submit');
    await page.locator(field('lookup.answer')).waitFor();
    await check('status lookup, proof of the holder');
    await page.fill(field('lookup.answer'), `${SAMPLE.cin.slice(-4)}${SAMPLE.dateOfBirth.slice(-4)}`);
    await tap(page, 'lookup-answer-submit');
    await page.locator([byTestId('lookup-result'), byTestId('lookup-noMatch'), byTestId('lookup-failed')].join(', ')).first().waitFor({ timeout: 30_000 });
    await check('status lookup, answered');

    expect(problems).toEqual([]);
  });
});
