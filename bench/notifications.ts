import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { notificationDeliverer } from '../backoffice/src/messages/notificationDeliverer';
import { renderNotification } from '../backoffice/src/messages/notificationTexts';
import { smtpEmailSender } from '../backoffice/src/messages/smtpEmailSender';
import { createOutboxWorker } from '../backoffice/src/messages/worker';
import { openSqliteStore } from '../backoffice/src/store/sqliteStore';
import { round } from './stats';

/**
 * Notifications per second: the outbox worker (claim with a lease, render in the request's
 * language, send through the SMTP adapter's pooled transport, mark sent, on SQLite with
 * synchronous = FULL) sending N e-mails to an SMTP server in this process, beside a same-run
 * baseline: a bare nodemailer pooled loop sending the same mail N times to the same server with
 * the same connections and concurrency. `shareOfBare` is what the outbox keeps of nodemailer's
 * own speed. Run alone with `npm run bench:notifications -- [messages]`; the last line is one JSON object.
 */

export interface NotificationFigures {
  messages: number;
  connections: number;
  notificationsPerSecond: number;
  bareNodemailerPerSecond: number;
  /** notificationsPerSecond / bareNodemailerPerSecond. */
  shareOfBare: number;
  target: number;
  meetsTarget: boolean;
}

export const NOTIFICATIONS_TARGET_PER_SECOND = 500;

/** An SMTP sink: accepts and counts, never parses (the benchmark measures the sender). */
async function startSink(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Nagle's algorithm with delayed ACKs holds each SMTP reply ~40 ms on loopback: a provider's server answers at once.
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  const { port } = server.server.address() as AddressInfo;
  return { port, received: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function bareNodemailer(port: number, messages: number, connections: number): Promise<number> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, pool: true, maxConnections: connections, maxMessages: Infinity, ignoreTLS: true });
  const mail = renderNotification({ status: 'ready', locale: 'fr', officeName: 'Annexe administrative Nord', trackingCode: 'KPA-0001-7', reasonCode: null });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < messages) {
        const i = next++;
        await transport.sendMail({ from: 'no-reply@annexe.example', to: `c${i}@example.org`, subject: mail.email.subject, text: mail.email.text, html: mail.email.html, messageId: `<bare-${i}@annexe.example>` });
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  transport.close();
  return messages / seconds;
}

async function outboxWorker(port: number, messages: number, connections: number, dir: string): Promise<number> {
  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  const at = new Date().toISOString();
  await store.createOffice({ id: 'north', name: 'Annexe North', createdAt: at });
  await store.setOfficeIdentity('north', { names: { ar: 'الملحقة الإدارية الشمال', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⵓⴳⴰⴼⴰ', fr: 'Annexe administrative Nord', en: 'North Administrative Annex' }, logo: null }, at);
  // What the status-change trigger writes, enqueued directly: the benchmark measures the sending.
  store.db.transaction(() => {
    for (let i = 0; i < messages; i++) {
      void store.enqueueMessage({
        officeId: 'north',
        requestId: `r${i}`,
        kind: 'notification',
        channel: 'email',
        recipient: `c${i}@example.org`,
        payload: { requestId: `r${i}`, status: 'ready', locale: (['ar', 'zgh', 'fr', 'en'] as const)[i % 4], trackingCode: 'KPA-0001-7', reasonCode: null },
        idempotencyKey: `notification:r${i}:ready:email`,
        at,
      });
    }
  })();
  const email = smtpEmailSender({ url: `smtp://127.0.0.1:${port}`, from: 'no-reply@annexe.example', maxConnections: connections });
  const worker = createOutboxWorker({
    store,
    deliverers: { notification: notificationDeliverer(store, { email }) },
    batchSize: 200,
    concurrency: connections,
  });
  const start = performance.now();
  while ((await worker.runOnce()).claimed > 0);
  const seconds = (performance.now() - start) / 1000;
  const counts = await store.outboxCounts();
  await email.close?.();
  await store.close();
  if (counts.sent !== messages) throw new Error(`the worker sent ${counts.sent} of ${messages} messages (${JSON.stringify(counts)})`);
  return messages / seconds;
}

export async function measureNotificationsPerSecond(options: { messages?: number; connections?: number } = {}): Promise<NotificationFigures> {
  const messages = options.messages ?? 2_000;
  const connections = options.connections ?? 8;
  const dir = mkdtempSync(join(tmpdir(), 'shubbak-bench-notifications-'));
  const sink = await startSink();
  try {
    // Warm-up: connections, JIT and the sink, outside the figures.
    await bareNodemailer(sink.port, 100, connections);
    const bare = await bareNodemailer(sink.port, messages, connections);
    const worker = await outboxWorker(sink.port, messages, connections, dir);
    return {
      messages,
      connections,
      notificationsPerSecond: round(worker),
      bareNodemailerPerSecond: round(bare),
      shareOfBare: round(worker / bare, 3),
      target: NOTIFICATIONS_TARGET_PER_SECOND,
      meetsTarget: worker >= NOTIFICATIONS_TARGET_PER_SECOND,
    };
  } finally {
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const messages = Number(process.argv[2] ?? 2_000);
  const figures = await measureNotificationsPerSecond({ messages });
  console.log(`worker ${figures.notificationsPerSecond}/s, bare nodemailer ${figures.bareNodemailerPerSecond}/s (${figures.shareOfBare} of bare), target ${figures.target}/s`);
  console.log(JSON.stringify(figures));
  if (!figures.meetsTarget) process.exitCode = 1;
}
