import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { byTestId, requestResidenceUpToReview, shows, tap } from '../e2e/citizenSteps';
import { freePort, launchKiosk, metaValue, outboxRows, startKioskServer, tempDir, type LaunchedKiosk } from '../e2e/harness';

/**
 * Fault test 7 in Chromium's own IndexedDB, with a real quota: the origin's quota is set through
 * the DevTools protocol (`Storage.overrideQuotaForOrigin`) to what it already uses, so the
 * outbox write is aborted by the browser itself, as on a full tablet, not by a test hook.
 */
describe('an enqueue when the tablet is full (fault test 7, in Chromium)', () => {
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    // No back office: what the outbox holds is only what the page committed.
    server = await startKioskServer({ port: await freePort() });
    kiosk = await launchKiosk({ url: server.url, profileDir: await tempDir('quota-profile') });
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
  });

  it('fails visibly, writes nothing (no row, no sequence taken), and saves once there is room again', async () => {
    const { page } = kiosk;
    const origin = new URL(server.url).origin;
    const cdp = await kiosk.context.newCDPSession(page);

    await requestResidenceUpToReview(page, 'fr');
    const before = { rows: (await outboxRows(page)).length, kioskSeq: await metaValue(page, 'kioskSeq') };
    // Full: the quota is what the origin already uses. (The page's own estimate() pads its quota on
    // purpose, so the browser's view is read through the protocol.)
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage });
    expect(await cdp.send('Storage.getUsageAndQuota', { origin })).toMatchObject({ quota: usage, overrideActive: true });

    await tap(page, 'next');
    await shows(page, 'screen-consent');
    await tap(page, 'consent-accept');
    await shows(page, 'screen-save-failed', 30_000);
    // The browser's own QuotaExceededError, told apart from any other failure.
    expect(await page.locator(byTestId('save-failure')).textContent()).toBe("La mémoire de la borne est pleine. Vos réponses sont conservées. Appelez un agent, s'il vous plaît.");
    expect(await page.locator(byTestId('tracking-code')).count()).toBe(0);
    expect({ rows: (await outboxRows(page)).length, kioskSeq: await metaValue(page, 'kioskSeq') }).toEqual(before);

    // Room again (the quota override lifted): the same draft, kept on screen, is saved at once.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await tap(page, 'retry');
    await shows(page, 'screen-receipt', 30_000);
    const trackingCode = ((await page.locator(byTestId('tracking-code')).textContent()) ?? '').trim();
    const rows = await outboxRows(page);
    expect(rows.map((row) => row.trackingCode)).toEqual([trackingCode]);
    expect(rows[0]).toMatchObject({ state: 'queued', kioskSeq: 1 });
  });
});
