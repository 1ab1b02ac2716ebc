import nodemailer from 'nodemailer';
import { DeliveryError, type EmailMessage, type EmailSender } from './channels';

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; the credentials are never logged. */
  url: string;
  /** The sender shown to the citizen, e.g. `"Annexe Hay Riad" <no-reply@annexe.ma>`. */
  from: string;
  /** Connections kept open and reused; a pooled transport sends many messages per connection. */
  maxConnections?: number;
  /** Milliseconds to wait for the server at each step before the attempt counts as failed. */
  timeoutMs?: number;
}

/** The domain part of the Message-ID: the sender's own domain, else a fixed one. */
function messageIdDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'shubbak.invalid';
}

/** SMTP reply codes 5xx say "do not try again" (bad address, refused content); 4xx and network trouble are passing. */
export function classifySmtpError(error: unknown): DeliveryError {
  const failure = error as { code?: string; responseCode?: number };
  const code = `smtp_${failure.responseCode ?? failure.code ?? 'error'}`.toLowerCase();
  // EAUTH: the deployment's credentials are wrong; fixing them must not have lost the messages meanwhile.
  if (failure.code === 'EAUTH') return DeliveryError.retryable(code);
  if (failure.responseCode !== undefined && failure.responseCode >= 500) return DeliveryError.permanent(code);
  if (failure.code === 'EMESSAGE') return DeliveryError.permanent(code);
  return DeliveryError.retryable(code);
}

/**
 * E-mail through an SMTP server with nodemailer's pooled transport. The idempotency key becomes
 * the Message-ID and the `X-Shubbak-Idempotency-Key` header, so a mail sent twice (the crash
 * window in docs/messages.md) carries the same id both times and a receiver can drop the second.
 */
export function smtpEmailSender(settings: SmtpSettings): EmailSender {
  const timeout = settings.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    url: settings.url,
    pool: true,
    maxConnections: settings.maxConnections ?? 4,
    maxMessages: Infinity,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // A local relay without a certificate is usual in an office; STARTTLS is still used when offered.
    tls: { rejectUnauthorized: false },
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const domain = messageIdDomain(settings.from);
  return {
    async send(message: EmailMessage): Promise<void> {
      try {
        await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html !== undefined ? { html: message.html } : {}),
          ...(message.attachments ? { attachments: message.attachments } : {}),
          messageId: `<${encodeURIComponent(message.key)}@${domain}>`,
          headers: { 'X-Shubbak-Idempotency-Key': message.key },
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    async close(): Promise<void> {
      transport.close();
    },
  };
}
