import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { launchKiosk, startKioskServer, type LaunchedKiosk } from './harness';
import { CITIZEN, requestResidenceUpToReview, shows, tap } from './citizenSteps';

const IDLE_MS = DEFAULT_SETTINGS.idleTimeoutSeconds * 1000;
const COUNTDOWN_MS = DEFAULT_SETTINGS.idleCountdownSeconds * 1000;
const TRACES = [CITIZEN.cin, CITIZEN.lastNameLatin, CITIZEN.firstNameLatin, CITIZEN.lastNameArabic, CITIZEN.firstNameArabic, '12 rue Atlas'];

/** Everything the page could still show or hold in its inputs. */
async function visibleTraces(page: Page): Promise<string[]> {
  const html = await page.content();
  const values = await page.evaluate(() => [...document.querySelectorAll('input')].map((input) => input.value).join(' '));
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  return TRACES.filter((trace) => html.includes(trace) || values.includes(trace) || storage.includes(trace));
}

describe('the reset between two citizens', () => {
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    server = await startKioskServer({});
    kiosk = await launchKiosk({ url: server.url });
    // Simulated time from the next load on: the idle timeout is reached without waiting for it.
    await kiosk.page.clock.install();
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
  });

  it('leaves no trace of the citizen in the page after an idle reset', async () => {
    const { page } = kiosk;
    await page.reload();
    await requestResidenceUpToReview(page, 'fr');
    expect(await visibleTraces(page)).toEqual(TRACES);

    await page.clock.fastForward(IDLE_MS + 1_000);
    await shows(page, 'dialog-still-there');
    await page.clock.fastForward(COUNTDOWN_MS);
    await shows(page, 'screen-attract');
    expect(await visibleTraces(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(DEFAULT_SETTINGS.defaultLocale);
  });

  it('keeps the citizen where they were when they answer the "still there?" question', async () => {
    const { page } = kiosk;
    await page.reload();
    await requestResidenceUpToReview(page, 'en');
    await page.clock.fastForward(IDLE_MS + 1_000);
    await tap(page, 'idle-continue');
    await page.clock.fastForward(COUNTDOWN_MS + 1_000);
    await shows(page, 'screen-review');
    expect(await visibleTraces(page)).toContain(CITIZEN.cin);
  });

  it('leaves no trace after a confirmed cancel either', async () => {
    const { page } = kiosk;
    await page.reload();
    await requestResidenceUpToReview(page, 'ar');
    await tap(page, 'cancel');
    await tap(page, 'cancel-confirm');
    await shows(page, 'screen-attract');
    expect(await visibleTraces(page)).toEqual([]);
  });
});
