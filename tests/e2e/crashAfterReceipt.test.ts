import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { freePort, launchKiosk, outboxRows, startKioskServer, tempDir, waitFor } from './harness';
import { byTestId, CITIZEN, confirmAndSave, lookUp, requestResidenceUpToReview, shows } from './citizenSteps';

describe('a kiosk killed right after the receipt', () => {
  let server: RunningKioskServer;
  let profileDir: string;

  beforeAll(async () => {
    // No back office: the request must stay in the outbox, so what survives is only what was committed.
    server = await startKioskServer({ port: await freePort() });
    profileDir = await tempDir('crash-profile');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('still holds the request, queued, exactly once, after the browser is relaunched on the same profile', async () => {
    const first = await launchKiosk({ url: server.url, profileDir });
    await requestResidenceUpToReview(first.page, 'fr');
    const trackingCode = await confirmAndSave(first.page);
    await first.kill();

    const second = await launchKiosk({ url: server.url, profileDir });
    try {
      const { page } = second;
      await shows(page, 'screen-attract');
      await waitFor(async () => (await outboxRows(page)).length > 0, { description: 'the outbox read back after the crash' });
      const rows = await outboxRows(page);
      expect(rows.filter((row) => row.trackingCode === trackingCode)).toHaveLength(1);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ state: 'queued', kioskSeq: 1, attempts: 0 });
      expect(rows[0]?.request?.identity.cin).toBe(CITIZEN.cin);
      expect(await page.content()).not.toContain(CITIZEN.cin);
      expect(await lookUp(page, trackingCode)).toBe('queued');
      expect(await page.locator(byTestId('lookup-result')).textContent()).toContain(trackingCode);
    } finally {
      await second.close();
    }
  });
});
