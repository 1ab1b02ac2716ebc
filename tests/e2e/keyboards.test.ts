import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { launchKiosk, startKioskServer, type LaunchedKiosk } from './harness';
import { byTestId, shows, tap } from './citizenSteps';

/** The keyboard each identity field opens on the tablet, and the height of its keys as Chromium lays them out. */
describe('keyboards on the tablet', () => {
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    server = await startKioskServer({});
    kiosk = await launchKiosk({ url: server.url });
    await kiosk.page.setViewportSize({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
  });

  it.each([
    ['ar', 'identity.lastNameLatin', 'frenchName'],
    ['fr', 'identity.lastNameArabic', 'arabicName'],
    ['zgh', 'identity.cin', 'cin'],
    ['en', 'identity.dateOfBirth', 'numeric'],
    ['fr', 'identity.phone', 'numeric'],
  ])('in %s, %s opens the %s keyboard, every key at least 64 px high', async (locale, path, layout) => {
    const { page } = kiosk;
    await page.reload();
    await shows(page, 'screen-attract');
    await tap(page, `language-${locale}`);
    await tap(page, 'start');
    await tap(page, 'new-request');
    await tap(page, 'service-residence');
    await tap(page, 'next');
    await shows(page, 'screen-identity');
    await page.locator(byTestId(`field-${path.replace('.', '-')}`)).focus();
    const keyboard = page.locator(`${byTestId('on-screen-keyboard')}[data-layout="${layout}"]`);
    await keyboard.waitFor({ state: 'visible', timeout: 15_000 });
    const heights = await keyboard.locator('[data-skbtn]').evaluateAll((keys) => keys.map((key) => key.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(10);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(64);
  });
});
