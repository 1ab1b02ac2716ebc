import type { EmailMessage, EmailSender, MessageChannels, SmsMessage, SmsSender } from './channels';

/** A phone or address as the demo's log shows it: enough to tell two apart, not enough to call. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient.slice(0, 1)}…${recipient.slice(at)}`;
  return recipient.length > 6 ? `${recipient.slice(0, 5)}…${recipient.slice(-2)}` : '…';
}

/**
 * The `log` adapter, for the demo and for trying a deployment before a provider is contracted:
 * each message is written, readable, as one block to `write` (the back office's log); nothing
 * leaves the machine. The recipient is masked; the text is shown as the citizen would read it.
 */
export function logChannels(write: (line: string) => void): Required<Pick<MessageChannels, 'sms' | 'email'>> {
  const sms: SmsSender = {
    async send(message: SmsMessage) {
      write(`[message] SMS to ${maskRecipient(message.to)} (${message.key})\n  ${message.text.replaceAll('\n', '\n  ')}`);
    },
  };
  const email: EmailSender = {
    async send(message: EmailMessage) {
      const attached = message.attachments?.length ? `\n  (${message.attachments.length} attachment(s): ${message.attachments.map((a) => a.filename).join(', ')})` : '';
      write(`[message] E-mail to ${maskRecipient(message.to)} (${message.key})\n  Subject: ${message.subject}\n  ${message.text.replaceAll('\n', '\n  ')}${attached}`);
    },
  };
  return { sms, email };
}
