import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeChannels, type MessageChannels } from '../../../backoffice/src/messages/channels';
import { DEFAULT_SMS_BODY_TEMPLATE, httpSmsSender } from '../../../backoffice/src/messages/httpSmsSender';
import { notificationDeliverer } from '../../../backoffice/src/messages/notificationDeliverer';
import { retryDelayMs, type RetryPolicy } from '../../../backoffice/src/messages/retryPolicy';
import { smtpEmailSender } from '../../../backoffice/src/messages/smtpEmailSender';
import { createOutboxWorker, type OutboxWorker } from '../../../backoffice/src/messages/worker';
import { changeStatus } from '../../../backoffice/src/service/statusChange';
import { SqliteStore } from '../../../backoffice/src/store/sqliteStore';
import { startFakeSmsGateway, type FakeSmsGateway } from '../../support/fakeSmsGateway';
import { startTestSmtpServer, type TestSmtpServer } from '../../support/testSmtpServer';
import { makeReady, seedRequests, SEED_T0 } from './seed';

const dir = mkdtempSync(join(tmpdir(), 'shubbak-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const POLICY: RetryPolicy = { baseMs: 1_000, maxDelayMs: 60_000, maxAttempts: 5 };
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store, the real SMTP server and SMS gateway, and a worker on a simulated clock. */
async function rig(options: { smsTimeoutMs?: number } = {}) {
  const store = new SqliteStore(join(dir, `w-${++files}.sqlite`));
  const smtp: TestSmtpServer = await startTestSmtpServer();
  const gateway: FakeSmsGateway = await startFakeSmsGateway();
  const channels: MessageChannels = {
    email: smtpEmailSender({ url: smtp.url, from: '"Annexe" <no-reply@annexe.example>', timeoutMs: 2_000 }),
    sms: httpSmsSender({ url: gateway.url, format: 'json', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE.json, timeoutMs: options.smsTimeoutMs ?? 2_000 }),
  };
  let clock = new Date('2026-11-28T10:00:00.000Z').getTime();
  const worker: OutboxWorker = createOutboxWorker({
    store,
    deliverers: { notification: notificationDeliverer(store, channels) },
    retry: POLICY,
    now: () => new Date(clock),
    random: () => 0.5,
    leaseMs: 30_000,
  });
  cleanups.push(async () => {
    await worker.stop();
    await closeChannels(channels);
    await gateway.close();
    await smtp.stop();
    await store.close();
  });
  return { store, smtp, gateway, worker, advance: (ms: number) => (clock += ms) };
}

/** Mails by Message-ID: a duplicate shows as a count above 1. */
function countsByMessageId(smtp: TestSmtpServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of smtp.mails) counts.set(mail.messageId ?? '', (counts.get(mail.messageId ?? '') ?? 0) + 1);
  return counts;
}

describe('the retry policy', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999, 1_000],
    [2, 0.5, 1_500],
    [3, 0, 2_000],
    [10, 1, 60_000],
  ])('after %i failed attempt(s), with jitter %f, waits %i ms', (attempts, random, expected) => {
    expect(retryDelayMs(attempts, POLICY, random)).toBeCloseTo(expected, -1);
  });
});

describe('the outbox worker', () => {
  it('sends the ready message by SMS and e-mail, in the language of the request, once', async () => {
    const { store, smtp, gateway, worker } = await rig();
    const [fr, ar, zgh, en] = await seedRequests(store, {
      count: 4,
      locales: ['fr', 'ar', 'zgh', 'en'],
      contact: { agreed: true, notifyReceived: false },
      emailOf: (i) => `citizen${i}@example.org`,
    });
    await makeReady(store, [fr!, ar!, zgh!, en!]);
    expect(await worker.runOnce()).toEqual({ claimed: 8, sent: 8, retried: 0, failed: 0 });
    expect(await worker.runOnce()).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    const mailTo = (address: string) => smtp.mails.find((mail) => mail.headers.get('to') && JSON.stringify(mail.to).includes(address))!;
    expect(mailTo('citizen0@example.org').text).toContain(`Annexe administrative Nord : votre document (demande ${fr!.trackingCode}) est prêt.`);
    expect(mailTo('citizen1@example.org').text).toContain(`الملحقة الإدارية الشمال: الوثيقة (الطلب ${ar!.trackingCode}) جاهزة.`);
    expect(mailTo('citizen1@example.org').html).toContain('dir="rtl"');
    expect(mailTo('citizen2@example.org').subject).toBe(`ⵜⵡⵜⵉⵇⵜ ⵏⵏⴽ ⵜⵀⵢⵢⴰ (${zgh!.trackingCode})`);
    expect(mailTo('citizen3@example.org').text).toContain(`North Administrative Annex: your document (request ${en!.trackingCode}) is ready.`);
    expect(mailTo('citizen3@example.org').headers.get('x-shubbak-idempotency-key')).toBe(`notification:${en!.id}:ready:email`);
    expect(gateway.accepted.map((sms) => sms.reference).sort()).toEqual([fr!, ar!, zgh!, en!].map((r) => `notification:${r.id}:ready:sms`).sort());
    expect(gateway.accepted.find((sms) => sms.reference?.includes(ar!.id))!.text).toContain('جاهزة');
    // Nothing more personal than needed: no name, no CIN in what was sent.
    for (const text of [...smtp.mails.map((m) => `${m.subject} ${m.text}`), ...gateway.accepted.map((s) => s.text)]) {
      expect(text).not.toContain('El Amrani');
      expect(text).not.toContain('AB123456');
    }
    expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 8, failed: 0 });
  });

  it('tells the refusal category in the language of the request, whoever refused (the CLI here)', async () => {
    const { store, gateway, worker } = await rig();
    const [request] = await seedRequests(store, { count: 1, locales: ['fr'], contact: { agreed: true, notifyReceived: false } });
    await changeStatus(store, { trackingCode: request!.trackingCode, status: 'refused', reasonCode: 'missingDocuments', reason: 'Acte de naissance de 2001 manquant', by: 'cli', now: new Date(SEED_T0) });
    await worker.runOnce();
    expect(gateway.accepted).toHaveLength(1);
    expect(gateway.accepted[0]!.text).toBe(`Annexe administrative Nord : votre demande ${request!.trackingCode} a été refusée. Motif : Pièces manquantes. Renseignez-vous au guichet.`);
    // The agent's free text stays at the counter.
    expect(gateway.accepted[0]!.text).not.toContain('2001');
  });

  it('retries through an SMTP outage and sends everything exactly once when it is back', async () => {
    const { store, smtp, worker, advance } = await rig();
    const requests = await seedRequests(store, { count: 10, contact: { agreed: true, notifyReceived: false }, emailOf: (i) => `c${i}@example.org` });
    await makeReady(store, requests);
    await smtp.stop();
    const first = await worker.runOnce();
    // The SMS went out; every e-mail waits for its next attempt.
    expect(first).toMatchObject({ claimed: 20, sent: 10, retried: 10 });
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    advance(2_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 10, retried: 10 });
    await smtp.start();
    advance(5_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 10, sent: 10 });
    expect([...countsByMessageId(smtp).values()]).toEqual(Array(10).fill(1));
    expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 20, failed: 0 });
  });

  it('retries an SMS the gateway answered 500 or never answered, then sends it', async () => {
    const { store, gateway, worker, advance } = await rig({ smsTimeoutMs: 300 });
    const requests = await seedRequests(store, { count: 2, contact: { agreed: true, notifyReceived: false } });
    await makeReady(store, requests);
    gateway.failNext(1, 500);
    gateway.hangNext(1);
    // One request hangs (the gateway takes it first), the other gets 500: both retried.
    expect(await worker.runOnce()).toMatchObject({ claimed: 2, sent: 0, retried: 2 });
    const waiting = await store.messagesOfRequest('north', requests[0]!.id);
    expect(['sms_http_500', 'sms_timeout']).toContain(waiting[0]!.lastError);
    advance(2_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    expect(gateway.accepted.map((s) => s.reference).sort()).toEqual(requests.map((r) => `notification:${r.id}:ready:sms`).sort());
  });

  it('gives up at once on an address the server refuses, and after the cap on a gateway that keeps failing', async () => {
    const { store, smtp, gateway, worker, advance } = await rig();
    const [request] = await seedRequests(store, { count: 1, contact: { agreed: true, notifyReceived: false, email: 'nobody@example.org' } });
    smtp.refusedRecipients.add('nobody@example.org');
    gateway.failNext(100, 503);
    await makeReady(store, [request!]);
    for (let round = 0; round < POLICY.maxAttempts; round++) {
      await worker.runOnce();
      advance(POLICY.maxDelayMs);
    }
    const messages = await store.messagesOfRequest('north', request!.id);
    expect(messages.map((m) => [m.channel, m.state, m.attempts, m.lastError])).toEqual([
      ['sms', 'failed', POLICY.maxAttempts, 'sms_http_503'],
      ['email', 'failed', 1, 'smtp_550'],
    ]);
    expect(gateway.requests).toBe(POLICY.maxAttempts);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
  });

  it('stops cleanly: the round in flight is finished and marked, no lease left behind', async () => {
    const { store, smtp, worker } = await rig();
    const requests = await seedRequests(store, { count: 30, contact: { agreed: true, notifyReceived: false }, emailOf: (i) => `c${i}@example.org` });
    await makeReady(store, requests);
    worker.start(10);
    await smtp.waitForMails(1);
    await worker.stop();
    const counts = await store.outboxCounts();
    const leased = store.db.prepare("SELECT COUNT(*) FROM outbox_messages WHERE lease_owner IS NOT NULL").pluck().get();
    expect(leased).toBe(0);
    expect(counts.failed).toBe(0);
    expect(counts.sent).toBeGreaterThan(0);
  });
});
