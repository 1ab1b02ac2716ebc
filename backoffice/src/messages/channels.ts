/**
 * The senders every message adapter implements (SMTP, HTTP SMS gateway, log). One home for the
 * contract: the worker, the notification and forward deliverers and the portal's one-time codes
 * all send through these, never through nodemailer or fetch directly.
 *
 * `key` is the message's idempotency key: adapters pass it on where the provider can use it (the
 * SMTP adapter makes it the Message-ID and an `X-Shubbak-Idempotency-Key` header; the SMS gateway
 * may put it in its body template as `{key}`), so a receiver can drop the rare duplicate.
 */

export interface SmsMessage {
  /** E.164, e.g. +212612345678. */
  to: string;
  text: string;
  key: string;
}

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  key: string;
}

export interface SmsSender {
  /** Resolves once the gateway accepted the message; rejects with a DeliveryError. */
  send(message: SmsMessage): Promise<void>;
  close?(): Promise<void>;
}

export interface EmailSender {
  /** Resolves once the mail server accepted the message; rejects with a DeliveryError. */
  send(message: EmailMessage): Promise<void>;
  close?(): Promise<void>;
}

/** The channels a deployment configured; an absent one is not offered (its messages fail as `channel_not_configured`). */
export interface MessageChannels {
  sms?: SmsSender;
  email?: EmailSender;
}

/**
 * `retryable`: the provider may accept it later (network down, timeout, 4xx SMTP, HTTP 5xx or
 * 429). `permanent`: sending it again will not help (address refused, HTTP 4xx, a bad message).
 * `code` is short and free of personal data: it is stored as the message's last error and shown
 * in the console; never put the recipient or the text in it.
 */
export type DeliveryFailure = 'retryable' | 'permanent';

export class DeliveryError extends Error {
  readonly failure: DeliveryFailure;
  readonly code: string;

  constructor(failure: DeliveryFailure, code: string, message = code) {
    super(message);
    this.name = 'DeliveryError';
    this.failure = failure;
    this.code = code;
  }

  static retryable(code: string, message?: string): DeliveryError {
    return new DeliveryError('retryable', code, message);
  }

  static permanent(code: string, message?: string): DeliveryError {
    return new DeliveryError('permanent', code, message);
  }
}

/** Anything thrown by an adapter, as a DeliveryError: an unknown error is retried (the cap bounds it). */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return DeliveryError.retryable('unexpected', error instanceof Error ? error.message : String(error));
}

export async function closeChannels(channels: MessageChannels): Promise<void> {
  await Promise.all([channels.sms?.close?.(), channels.email?.close?.()]);
}
