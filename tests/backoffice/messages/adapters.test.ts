import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../backoffice/src/messages/channels';
import { DEFAULT_SMS_BODY_TEMPLATE, httpSmsSender, renderSmsBody } from '../../../backoffice/src/messages/httpSmsSender';
import { logChannels } from '../../../backoffice/src/messages/logSenders';
import { smtpEmailSender } from '../../../backoffice/src/messages/smtpEmailSender';
import { startFakeSmsGateway, type FakeSmsGateway } from '../../support/fakeSmsGateway';
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smtp(): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer();
  cleanups.push(() => server.stop());
  return server;
}

async function gateway(): Promise<FakeSmsGateway> {
  const fake = await startFakeSmsGateway();
  cleanups.push(() => fake.close());
  return fake;
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('the SMTP adapter', () => {
  it('delivers a mail whose Message-ID and header carry the idempotency key', async () => {
    const server = await smtp();
    const sender = smtpEmailSender({ url: server.url, from: '"Annexe" <no-reply@annexe.example>' });
    cleanups.push(() => sender.close!());
    await sender.send({ to: 'citizen@example.org', subject: 'Prêt', text: 'Votre document est prêt.', key: 'notification:r1:ready:email' });
    const [mail] = await server.waitForMails(1);
    expect(mail!.subject).toBe('Prêt');
    expect(mail!.text?.trim()).toBe('Votre document est prêt.');
    expect(mail!.messageId).toBe('<notification%3Ar1%3Aready%3Aemail@annexe.example>');
    expect(mail!.headers.get('x-shubbak-idempotency-key')).toBe('notification:r1:ready:email');
  });

  it('calls a refused address permanent and a server that is down retryable', async () => {
    const server = await smtp();
    server.refusedRecipients.add('nobody@example.org');
    const sender = smtpEmailSender({ url: server.url, from: 'no-reply@annexe.example', timeoutMs: 2000 });
    cleanups.push(() => sender.close!());
    const refused = await failureOf(sender.send({ to: 'nobody@example.org', subject: 's', text: 't', key: 'k1' }));
    expect(refused.failure).toBe('permanent');
    expect(refused.code).toBe('smtp_550');
    await server.stop();
    const down = await failureOf(sender.send({ to: 'a@example.org', subject: 's', text: 't', key: 'k2' }));
    expect(down.failure).toBe('retryable');
  });
});

describe('the HTTP SMS adapter', () => {
  it('fills the template with escaped values, as JSON and as a form', () => {
    const message = { to: '+212612345678', text: 'Prêt: "A&B"\nمرحبا', key: 'k' };
    const json = renderSmsBody({ format: 'json', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE.json }, message);
    expect(JSON.parse(json)).toEqual({ to: message.to, text: message.text, reference: 'k' });
    const form = new URLSearchParams(renderSmsBody({ format: 'form', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE.form }, message));
    expect(form.get('text')).toBe(message.text);
    expect(form.get('to')).toBe(message.to);
  });

  it('posts to the gateway with its credentials', async () => {
    const fake = await gateway();
    const sender = httpSmsSender({ url: fake.url, username: 'annexe', password: 's3cret', format: 'form', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE.form });
    await sender.send({ to: '+212612345678', text: 'ⴰⵣⵓⵍ', key: 'notification:r:ready:sms' });
    expect(fake.accepted).toHaveLength(1);
    expect(fake.accepted[0]).toMatchObject({ to: '+212612345678', text: 'ⴰⵣⵓⵍ', reference: 'notification:r:ready:sms' });
    expect(fake.accepted[0]!.headers.authorization).toBe(`Basic ${Buffer.from('annexe:s3cret').toString('base64')}`);
  });

  it.each([
    [500, 'retryable'],
    [503, 'retryable'],
    [429, 'retryable'],
    [400, 'permanent'],
    [401, 'permanent'],
  ] as const)('calls an answer %i %s', async (status, failure) => {
    const fake = await gateway();
    fake.failNext(1, status);
    const sender = httpSmsSender({ url: fake.url, format: 'json', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE.json });
    const error = await failureOf(sender.send({ to: '+212612345678', text: 't', key: 'k' }));
    expect(error.failure).toBe(failure);
    expect(error.code).toBe(`sms_http_${status}`);
  });

  it('gives up on a gateway that does not answer in time, as retryable', async () => {
    const fake = await gateway();
    fake.hangNext(1);
    const sender = httpSmsSender({ url: fake.url, format: 'json', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE.json, timeoutMs: 200 });
    const error = await failureOf(sender.send({ to: '+212612345678', text: 't', key: 'k' }));
    expect(error).toMatchObject({ failure: 'retryable', code: 'sms_timeout' });
  });
});

describe('the log adapter', () => {
  it('writes the text readable, with the recipient masked', async () => {
    const lines: string[] = [];
    const channels = logChannels((line) => lines.push(line));
    await channels.sms.send({ to: '+212612345678', text: 'Votre document est prêt.', key: 'k' });
    await channels.email.send({ to: 'citizen@example.org', subject: 'Prêt', text: 'Bonjour', key: 'k2' });
    expect(lines[0]).toContain('Votre document est prêt.');
    expect(lines[0]).not.toContain('+212612345678');
    expect(lines[1]).toContain('Subject: Prêt');
    expect(lines[1]).not.toContain('citizen@example.org');
  });
});
