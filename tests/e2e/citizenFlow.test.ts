import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { directionOf, LOCALES, type Locale } from '../../src/domain/locales';
import { checkTrackingCode } from '../../src/domain/trackingCode';
import { auditRows, launchKiosk, metaValue, outboxRows, startDemoOffice, waitFor, type LaunchedKiosk, type RunningBackoffice } from './harness';
import { byTestId, CITIZEN, confirmAndSave, lookUp, requestResidenceUpToReview, shows, tap, typeInto } from './citizenSteps';

describe('the citizen flow in the built kiosk, against a real back office', () => {
  let backoffice: RunningBackoffice;
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    ({ backoffice, server } = await startDemoOffice());
    kiosk = await launchKiosk({ url: server.url });
    await waitFor(() => metaValue(kiosk.page, 'deviceId'), { timeoutMs: 60_000, description: 'the kiosk enrolled itself with the demo code' });
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
    await backoffice?.stop();
  });

  it.each<Locale>(LOCALES)('takes a request in %s, the address picked from the office\'s streets, shows its receipt, and the back office receives it', async (locale) => {
    const { page } = kiosk;
    await page.reload();
    await requestResidenceUpToReview(page, locale, { pickAddress: true });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(directionOf(locale));
    expect(await page.locator(byTestId('review-identity.cin')).textContent()).toBe(CITIZEN.cin);

    const trackingCode = await confirmAndSave(page);
    expect(checkTrackingCode(trackingCode)).toEqual({ ok: true, code: trackingCode });
    await shows(page, 'tracking-qr');
    const stored = (await outboxRows(page)).filter((row) => row.trackingCode === trackingCode);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.request?.locale).toBe(locale);
    expect(stored[0]?.request?.identity).toMatchObject({ cin: CITIZEN.cin, dateOfBirth: '1990-04-12', lastNameArabic: CITIZEN.lastNameArabic });
    expect(stored[0]?.request?.fields['address']).toBe(locale === 'ar' ? '12 زنقة الأطلس' : '12 Rue Atlas');

    await waitFor(async () => (await outboxRows(page)).find((row) => row.trackingCode === trackingCode)?.state === 'synced', {
      timeoutMs: 60_000,
      description: 'the request acknowledged by the back office',
    });
    await tap(page, 'finish');
    expect(await lookUp(page, trackingCode)).toMatch(/^(synced|received)$/);
  });

  it('asks a citizen who gave a phone for an SMS, and the request the back office receives carries the yes', async () => {
    const { page } = kiosk;
    await page.reload();
    await requestResidenceUpToReview(page, 'en');
    await tap(page, 'edit-identity.phone');
    await typeInto(page, 'identity.phone', '0612345678');
    await tap(page, 'next');
    await shows(page, 'screen-review');
    await tap(page, 'next');
    await shows(page, 'screen-consent');
    expect(await page.locator(byTestId('sms-when-ready-no')).getAttribute('aria-checked')).toBe('true');
    await tap(page, 'sms-when-ready-yes');
    await tap(page, 'consent-accept');
    await shows(page, 'screen-receipt');
    const trackingCode = ((await page.locator(byTestId('tracking-code')).textContent()) ?? '').trim();
    const stored = (await outboxRows(page)).find((row) => row.trackingCode === trackingCode);
    expect(stored?.request?.contact).toEqual({ agreed: true, notifyReceived: false });
    // Acknowledged: the back office's strict request schema took the contact choice.
    await waitFor(async () => (await outboxRows(page)).find((row) => row.trackingCode === trackingCode)?.state === 'synced', {
      timeoutMs: 60_000,
      description: 'the request with its contact choice acknowledged by the back office',
    });
    await tap(page, 'finish');
  });

  it('chimes for the staff when a citizen calls for help, and records the call without personal data', async () => {
    const { page } = kiosk;
    await page.reload();
    await shows(page, 'screen-attract');
    await tap(page, 'language-fr');
    await tap(page, 'start');
    const before = (await auditRows(page)).length;
    await tap(page, 'help');
    await shows(page, 'help-notice');
    await waitFor(async () => (await auditRows(page)).length > before, { description: 'the call for help recorded' });
    // `chime`: Chromium's Web Audio took the notes (`noSound` would mean the kiosk could not play them).
    expect((await auditRows(page)).slice(before).map(({ action, detail }) => ({ action, detail }))).toEqual([{ action: 'citizen.helpCalled', detail: 'chime' }]);
  });

  it('takes a request with the browser offline, keeps it queued, and sends it once back online', async () => {
    const { page, context } = kiosk;
    await page.reload();
    await context.setOffline(true);
    try {
      await requestResidenceUpToReview(page, 'fr');
      const trackingCode = await confirmAndSave(page);
      expect((await outboxRows(page)).find((row) => row.trackingCode === trackingCode)?.state).toBe('queued');
      await tap(page, 'finish');
      expect(await lookUp(page, trackingCode, 'fr')).toBe('queued');
      expect(await page.locator(byTestId('lookup-status')).textContent()).toBe("En attente d'envoi à l'annexe");
      await context.setOffline(false);
      await waitFor(async () => (await outboxRows(page)).find((row) => row.trackingCode === trackingCode)?.state === 'synced', {
        timeoutMs: 90_000,
        description: 'the queued request sent once the network is back',
      });
    } finally {
      await context.setOffline(false);
    }
  });
});
