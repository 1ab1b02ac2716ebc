import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import type { Locale } from '../../src/domain/locales';
import { checkTrackingCode } from '../../src/domain/trackingCode';
import { launchKiosk, metaValue, outboxRows, startDemoOffice, waitFor, type LaunchedKiosk, type RunningBackoffice } from './harness';
import { axeViolations } from './support/axe';
import { storedRequest } from './support/consoleApi';
import { Ear, pictogram, readCardOnWedge } from './support/ear';
import { headerRowProblems } from './support/kioskHeader';

/**
 * Issue 13's "done when": a citizen who cannot read goes from the attract screen to the receipt
 * of a request the real back office stores, finding every control only by what the kiosk says
 * (the prompt its audio guide plays, support/ear.ts) and by the pictogram a control shows (its
 * name), never by a label, a test id or a translated text. What is typed (the phone, the birth
 * act's details) is typed into the fields as a keyboard would, and the identity comes from the
 * card's machine-readable zone: typing is not reading. The screen's actions at its foot are
 * found by touching each once and listening. Labels and stored data are read only to check the
 * outcome, after the fact.
 *
 * The birth extract: its questions are free text and numbers (the residence's proof-of-address
 * choice is another helper's). The header, with guidance's "listen again" and "choose" shown,
 * is checked to stay one row on every screen, in landscape and in portrait.
 */

const VIEWPORTS = { landscape: { width: 1280, height: 800 }, portrait: { width: 800, height: 1280 } } as const;

/** The screen's own actions, at its foot (back, next, confirm...), touched one by one to be heard. */
const screenActions = (page: Page) => page.locator('.screen__actions button');
const field = (page: Page, path: string) => page.locator(`[data-testid="field-${path.replace('.', '-')}"]`);

const JOURNEYS: Array<{ locale: Locale; orientation: keyof typeof VIEWPORTS; heardIn: Locale }> = [
  { locale: 'ar', orientation: 'landscape', heardIn: 'ar' },
  { locale: 'fr', orientation: 'portrait', heardIn: 'fr' },
  // No offline Amazigh voice: a Tifinagh session hears Arabic until the office records its own prompts.
  { locale: 'zgh', orientation: 'landscape', heardIn: 'ar' },
  { locale: 'en', orientation: 'portrait', heardIn: 'en' },
];

describe('a birth extract by ear and by pictogram, to the receipt, stored by the back office', () => {
  let backoffice: RunningBackoffice;
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    ({ backoffice, server } = await startDemoOffice());
    kiosk = await launchKiosk({ url: server.url });
    await waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'the kiosk enrolled itself with the demo code' });
  }, 120_000);

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
    await backoffice?.stop();
  });

  it.each(JOURNEYS)('in $locale, $orientation, heard in $heardIn', async ({ locale, orientation, heardIn }) => {
    const { page } = kiosk;
    await page.setViewportSize(VIEWPORTS[orientation]);
    await page.reload();
    const ear = await Ear.listen(page);
    const headerProblems: string[] = [];
    const headerIsOneRow = async (where: string) => headerProblems.push(...(await headerRowProblems(page)).map((problem) => `${where}: ${problem}`));

    // The attract screen: the loudspeaker turns guidance on; each language says its own name.
    await pictogram(page, 'listen').waitFor({ state: 'visible', timeout: 30_000 });
    await pictogram(page, 'listen').click();
    await ear.hears('screen.attract');
    const language = await ear.find(pictogram(page, 'speak'), `language.${locale}`);
    expect((await ear.all()).at(-1)?.language).toBe(locale);
    await ear.press(language);
    expect(await ear.take(pictogram(page, 'replay'), 'screen.attract')).toEqual({ prompt: 'screen.attract', language: heardIn });

    await ear.find(pictogram(page, 'touch-start'), 'choice.start');
    await ear.take(pictogram(page, 'touch-start'), 'screen.home');
    await ear.find(pictogram(page, 'new-request'), 'choice.newRequest');
    await headerIsOneRow('home, a choice waiting for its second touch');
    await ear.take(pictogram(page, 'new-request'), 'screen.catalogue');

    // The catalogue: the pram is heard as the birth extract, taken with the header's "choose".
    await ear.find(pictogram(page, 'pram'), 'service.birth_extract');
    await headerIsOneRow('catalogue, a choice waiting for its second touch');
    await ear.take(pictogram(page, 'choose'), 'screen.service');

    const next = await ear.find(screenActions(page), 'choice.next');
    await headerIsOneRow('service, "next" waiting for its second touch');
    // The tools shown as pictograms only (portrait) keep their names: no WCAG 2.2 AA violation.
    expect(await axeViolations(page)).toEqual([]);
    await ear.take(next, 'screen.identity');

    // The card on the reader fills the card number, the names and the date of birth; the phone is typed.
    await readCardOnWedge(page);
    await page.locator('[data-outcome="read"]').waitFor({ state: 'visible', timeout: 10_000 });
    await field(page, 'identity.phone').fill('0612345678');
    await ear.take(await ear.find(screenActions(page), 'choice.next'), 'screen.fields');

    // The birth act's commune, number and year, typed.
    await field(page, 'fields.communeOfBirth').fill('Fès');
    await field(page, 'fields.actNumber').fill('1234');
    await field(page, 'fields.actYear').fill('1990');
    await headerIsOneRow('fields');
    await ear.take(await ear.find(screenActions(page), 'choice.next'), 'screen.review');

    await ear.take(await ear.find(screenActions(page), 'choice.confirm'), 'screen.consent');

    // A phone was given: "an SMS when it is ready?" is asked; yes is the tick, heard before it is taken.
    const smsYes = await ear.find(pictogram(page, 'yes'), 'choice.smsYes');
    await smsYes.click();
    await waitFor(async () => (await smsYes.getAttribute('aria-checked')) === 'true', { description: 'the SMS choice taken on the second touch' });
    await ear.take(await ear.find(screenActions(page), 'choice.agree'), 'screen.receipt');
    await headerIsOneRow('receipt');

    // The receipt, checked (not found) by what it shows: the success mark and a valid tracking code.
    await page.locator('[data-pictogram="done"]').waitFor({ state: 'visible' });
    const trackingCode = ((await page.locator('[data-testid="tracking-code"]').textContent()) ?? '').trim();
    expect(checkTrackingCode(trackingCode)).toEqual({ ok: true, code: trackingCode });
    expect((await outboxRows(page)).find((row) => row.trackingCode === trackingCode)?.request?.contact).toEqual({ agreed: true, notifyReceived: false });
    await waitFor(async () => (await outboxRows(page)).find((row) => row.trackingCode === trackingCode)?.state === 'synced', {
      timeoutMs: 60_000,
      description: 'the request acknowledged by the back office',
    });
    const stored = await storedRequest(backoffice, trackingCode);
    expect({ channel: stored.channel, service: stored.service.id, locale: stored.locale, status: stored.status }).toEqual({
      channel: 'kiosk',
      service: 'birth_extract',
      locale,
      status: 'received',
    });
    expect(stored.identity).toMatchObject({ cin: 'AB123456', lastNameLatin: 'EL AMRANI', dateOfBirth: '1990-04-12', phone: '+212612345678' });
    expect(Object.fromEntries(stored.fields.map(({ key, value }) => [key, value]))).toEqual({ communeOfBirth: 'Fès', actNumber: '1234', actYear: '1990' });

    // Finished by ear; back on the attract screen guidance is off and nothing plays.
    const finish = await ear.find(screenActions(page), 'choice.finish');
    await finish.click();
    await waitFor(async () => (await pictogram(page, 'listen').getAttribute('aria-pressed')) === 'false', { description: 'guidance off with the session' });
    await waitFor(async () => (await page.locator('audio[data-testid="audio-guide"]').getAttribute('data-state')) === 'stopped', { description: 'nothing playing' });
    expect(headerProblems).toEqual([]);
  });
});
