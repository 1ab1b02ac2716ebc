import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackoffice, type RunningBackoffice } from '../../../backoffice/src/server';
import { portalPath } from '../../../src/domain/portal/routes';
import { portalSessionSchema } from '../../../src/domain/portal/login';
import { startFakeSmsGateway, type FakeSmsGateway } from '../../support/fakeSmsGateway';
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer';

/**
 * startBackoffice hands the portal's sign-in the same channels as the messages to citizens: a
 * deployment that configured its SMS gateway and SMTP server gets the codes and links there,
 * not in the log.
 */
describe('the portal signs in through the configured message channels', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  async function started(): Promise<{ backoffice: RunningBackoffice; gateway: FakeSmsGateway; smtp: TestSmtpServer }> {
    const dir = mkdtempSync(join(tmpdir(), 'shubbak-portal-senders-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const gateway = await startFakeSmsGateway();
    cleanups.push(() => gateway.close());
    const smtp = await startTestSmtpServer();
    cleanups.push(() => smtp.stop());
    const backoffice = await startBackoffice({
      dataDir: dir,
      port: 0,
      host: '127.0.0.1',
      logger: false,
      rateLimit: false,
      messages: {
        sms: { type: 'http', url: gateway.url, format: 'json' },
        email: { type: 'smtp', url: smtp.url, from: 'no-reply@annexe.example' },
      },
      portal: { publicUrl: 'https://annexe.example.ma' },
      print: () => undefined,
    });
    cleanups.push(() => backoffice.close());
    return { backoffice, gateway, smtp };
  }

  const post = (base: string, path: string, body: unknown) =>
    fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('sends the SMS code through the HTTP gateway, and that code opens a session', async () => {
    const { backoffice, gateway } = await started();
    expect((await post(backoffice.url, portalPath('smsLogin'), { phone: '0612345678', locale: 'fr' })).status).toBe(202);
    const [sms] = await gateway.waitForSms(1);
    expect(sms!.to).toBe('+212612345678');
    const code = /\b(\d{6})\b/.exec(sms!.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const verified = await post(backoffice.url, portalPath('smsVerify'), { phone: '+212612345678', code });
    expect(verified.status).toBe(200);
    expect(portalSessionSchema.parse(await verified.json()).token).toBeTruthy();
  });

  it('sends the e-mail link through SMTP, with the configured public address', async () => {
    const { backoffice, smtp } = await started();
    expect((await post(backoffice.url, portalPath('emailLogin'), { email: 'citizen@example.org', locale: 'en' })).status).toBe(202);
    const [mail] = await smtp.waitForMails(1);
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain('citizen@example.org');
    expect(mail!.text).toMatch(/https:\/\/annexe\.example\.ma\/portal\/#\/login\/[A-Za-z0-9_-]{43}/);
  });
});
