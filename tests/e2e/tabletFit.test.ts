import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { LOCALES, type Locale } from '../../src/domain/locales';
import { byTestId, CITIZEN, shows, tap, typeInto } from './citizenSteps';
import { launchKiosk, REPO_ROOT, startKioskServer, type LaunchedKiosk } from './harness';
import { headerRowProblems } from './support/kioskHeader';

/**
 * The target tablet, both ways up, in every language and both text sizes: on every screen the
 * title and the primary action lie inside the viewport, nothing covers them (the element found
 * at the centre of their box is theirs), and where the on-screen keyboard is open the focused
 * field is neither off screen nor under the keyboard, also after a refused "next"; the header
 * stays one row. The page itself never scrolls: only a screen's body does, under its title and
 * above its actions.
 *
 * SHUBBAK_FIT_SCREENSHOTS=1 saves every screen to test-results/fit/ to be looked at.
 */

const VIEWPORTS = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 800, height: 1280 },
} as const;
type Orientation = keyof typeof VIEWPORTS;
type TextSize = 'normal' | 'large';

const SCREENSHOTS = process.env['SHUBBAK_FIT_SCREENSHOTS'] === '1' ? path.join(REPO_ROOT, 'test-results', 'fit') : null;

interface Combination {
  orientation: Orientation;
  locale: Locale;
  textSize: TextSize;
}

const COMBINATIONS: Combination[] = (Object.keys(VIEWPORTS) as Orientation[]).flatMap((orientation) =>
  LOCALES.flatMap((locale) => (['normal', 'large'] as const).map((textSize) => ({ orientation, locale, textSize }))),
);

/** What is wrong with how `selector` lies on screen, if anything (empty: in view and on top). */
async function placementProblems(page: Page, selector: string, what: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, what }) => {
      const element = selector === ':focus' ? (document.activeElement as HTMLElement | null) : document.querySelector<HTMLElement>(selector);
      if (!element || element === document.body) return [`${what} not found`];
      const box = element.getBoundingClientRect();
      const problems: string[] = [];
      const at = `[${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}]`;
      if (box.width === 0 || box.height === 0) return [`${what} has no size`];
      if (box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) {
        problems.push(`${what} ${at} is not inside the ${innerWidth}×${innerHeight} viewport`);
      }
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      if (!top || !(top === element || element.contains(top))) {
        const name = top instanceof HTMLElement ? (top.dataset['testid'] ?? top.className ?? top.tagName) : String(top);
        problems.push(`${what} ${at} is covered by ${name}`);
      }
      return problems;
    },
    { selector, what },
  );
}

describe('every citizen screen fits the 1280×800 tablet, both ways up', () => {
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    // No back office: the kiosk takes requests offline all the same, and the layout is what is tested.
    server = await startKioskServer({});
    kiosk = await launchKiosk({ url: server.url });
    if (SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
  });

  it.each(COMBINATIONS)('$orientation, $locale, $textSize text', async ({ orientation, locale, textSize }) => {
    const { page } = kiosk;
    const problems: string[] = [];
    await page.setViewportSize(VIEWPORTS[orientation]);

    const check = async (where: string, primaries: string[], options: { focusedField?: boolean; dialog?: boolean } = {}) => {
      // A form is measured with its keyboard drawn (a chunk loaded on demand).
      if (options.focusedField) await page.locator('.osk .hg-button').first().waitFor({ timeout: 15_000 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const found: string[] = [];
      const scrolled = await page.evaluate(() => Math.round(document.scrollingElement?.scrollTop ?? 0));
      if (scrolled !== 0) found.push(`the page itself is scrolled by ${scrolled} px`);
      found.push(...(await placementProblems(page, options.dialog ? 'dialog[open] h2' : 'main h1', 'the title')));
      if (!options.dialog) found.push(...(await placementProblems(page, byTestId('office-name'), "the office's name")));
      found.push(...(await headerRowProblems(page)));
      for (const testId of primaries) found.push(...(await placementProblems(page, byTestId(testId), testId)));
      if (options.focusedField) found.push(...(await placementProblems(page, ':focus', 'the focused field')));
      problems.push(...found.map((problem) => `${where}: ${problem}`));
      if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${orientation}-${locale}-${textSize}-${where.replace(/[^a-z0-9]+/gi, '-')}.png`) });
    };

    await page.reload();
    await shows(page, 'screen-attract');
    await tap(page, `language-${locale}`);
    if (textSize === 'large') await tap(page, 'toggle-large-text');
    await check('attract', ['start']);

    await tap(page, 'start');
    await shows(page, 'screen-home');
    await check('home', ['new-request', 'check-status']);
    await tap(page, 'language-menu');
    await shows(page, 'dialog-languages');
    await check('language menu', ['language-ar', 'language-zgh', 'language-fr', 'language-en', 'language-menu-close'], { dialog: true });
    await tap(page, 'language-menu-close');

    await tap(page, 'new-request');
    await shows(page, 'screen-catalogue');
    await check('catalogue', ['service-residence', 'back']);

    await tap(page, 'service-residence');
    await shows(page, 'screen-service');
    await check('service', ['next']);
    await tap(page, 'service-details');
    await shows(page, 'dialog-service-details');
    await check('service details', ['service-details-close'], { dialog: true });
    await tap(page, 'service-details-close');
    await tap(page, 'cancel');
    await shows(page, 'dialog-cancel');
    await check('cancel dialog', ['cancel-abort', 'cancel-confirm'], { dialog: true });
    await tap(page, 'cancel-abort');

    await tap(page, 'next');
    await shows(page, 'screen-identity');
    await check('identity', ['next'], { focusedField: true });
    await tap(page, 'next');
    await shows(page, 'field-identity-cin-error');
    await check('identity after a refused next', ['next'], { focusedField: true });
    for (const [key, value] of Object.entries(CITIZEN)) await typeInto(page, `identity.${key}`, value);
    // A phone: the consent step then also asks "SMS when my document is ready?".
    await typeInto(page, 'identity.phone', '0612345678');
    await page.locator(byTestId('field-identity-dateOfBirth')).focus();
    await check('identity, last field focused', ['next'], { focusedField: true });

    await tap(page, 'next');
    await shows(page, 'screen-fields');
    await check('fields', ['next'], { focusedField: true });
    await tap(page, 'next');
    await check('fields after a refused next', ['next'], { focusedField: true });
    await typeInto(page, 'fields.address', '12 rue Atlas, Berkane');
    await tap(page, 'field-fields-proofOfAddress-bill');

    await tap(page, 'next');
    await shows(page, 'screen-review');
    await check('review', ['next']);

    await tap(page, 'next');
    await shows(page, 'screen-consent');
    await check('consent', ['consent-accept']);
    await tap(page, 'consent-full');
    await shows(page, 'dialog-consent-notice');
    await check('consent, full notice', ['consent-full-close'], { dialog: true });
    await tap(page, 'consent-full-close');
    // The SMS question lies in the body, which may scroll under the title: a tap brings it in view.
    await tap(page, 'sms-when-ready-yes');
    await page.locator(`${byTestId('sms-when-ready-yes')}[aria-checked="true"]`).waitFor({ timeout: 5_000 });
    await check('consent, SMS choice', ['sms-when-ready-yes', 'sms-when-ready-no', 'consent-accept']);
    await tap(page, 'sms-when-ready-no');

    await tap(page, 'consent-accept');
    await shows(page, 'screen-receipt');
    await page.locator(`${byTestId('print-status')}[data-print-state]:not([data-print-state="printing"])`).waitFor({ timeout: 30_000 });
    await check('receipt', ['tracking-code', 'finish']);
    const trackingCode = ((await page.locator(byTestId('tracking-code')).textContent()) ?? '').trim();

    await tap(page, 'finish');
    await shows(page, 'screen-attract');
    await tap(page, `language-${locale}`);
    if (textSize === 'large') await tap(page, 'toggle-large-text');
    await tap(page, 'start');
    await tap(page, 'check-status');
    await shows(page, 'screen-lookup');
    await check('lookup', ['lookup-submit'], { focusedField: true });
    await tap(page, 'lookup-submit');
    await check('lookup after a refused search', ['lookup-submit'], { focusedField: true });
    await typeInto(page, 'lookup.code', trackingCode);
    await tap(page, 'lookup-submit');
    // Only the holder may read a status (last 4 digits of the CIN, then the year of birth): that step fits too.
    await shows(page, 'field-lookup-answer');
    await check('lookup proof of the holder', ['lookup-answer-submit']);
    await typeInto(page, 'lookup.answer', `${CITIZEN.cin.slice(-4)}${CITIZEN.dateOfBirth.slice(-4)}`);
    await tap(page, 'lookup-answer-submit');
    await shows(page, 'lookup-result');
    await check('lookup answered', ['lookup-status', 'lookup-another']);

    expect(problems).toEqual([]);
  });
});
