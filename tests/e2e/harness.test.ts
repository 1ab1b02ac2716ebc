import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchKiosk, outboxRows, startBackoffice, startKioskServer, tempDir, waitFor, type RunningBackoffice } from './harness';

describe('the end-to-end harness', () => {
  let backoffice: RunningBackoffice;

  beforeAll(async () => {
    backoffice = await startBackoffice();
  });

  afterAll(async () => {
    await backoffice?.stop();
  });

  it('starts the real back office and waits until its health endpoint answers', async () => {
    const response = await fetch(new URL('api/v1/health', backoffice.url));
    expect(response.ok).toBe(true);
  });

  it('restarts the back office on the same port after a SIGKILL', async () => {
    await backoffice.kill();
    await expect(fetch(new URL('api/v1/health', backoffice.url))).rejects.toThrow();
    await backoffice.restart();
    expect((await fetch(new URL('api/v1/health', backoffice.url))).ok).toBe(true);
  });

  it('serves the built kiosk with a kiosk-config.json pointing at the back office', async () => {
    const server = await startKioskServer({ backofficeUrl: backoffice.url, demoEnrolmentCode: 'ABCD-1234' });
    try {
      const page = await fetch(server.url);
      expect(page.ok).toBe(true);
      expect(page.headers.get('content-security-policy')).toContain(new URL(backoffice.url).origin);
      expect(await (await fetch(new URL('kiosk-config.json', server.url))).json()).toEqual({ backofficeUrl: backoffice.url, demoEnrolmentCode: 'ABCD-1234' });
    } finally {
      await server.close();
    }
  });

  it('opens the kiosk in Chromium and keeps its database across a browser kill', async () => {
    const port = await freePort();
    const profileDir = await tempDir('harness-profile');
    const server = await startKioskServer({ backofficeUrl: backoffice.url, port });
    try {
      const first = await launchKiosk({ url: server.url, profileDir });
      await waitFor(() => first.page.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'shubbak')), { description: 'the kiosk database' });
      expect(await outboxRows(first.page)).toEqual([]);
      await first.kill();

      const second = await launchKiosk({ url: server.url, profileDir });
      try {
        expect(await second.page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toContain('shubbak');
      } finally {
        await second.close();
      }
    } finally {
      await server.close();
    }
  });
});
