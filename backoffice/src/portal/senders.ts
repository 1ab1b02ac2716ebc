/**
 * How the portal reaches a citizen while signing in. The SMS and e-mail adapters (SMTP, an HTTP
 * SMS gateway, `log` for the demo) are configured per deployment; the portal only needs these
 * two shapes. `key` is an idempotency key: an adapter that retries sends one message per key.
 */
export interface SmsSender {
  send(message: { to: string; text: string; key: string }): Promise<void>;
}

export interface MailSender {
  send(message: { to: string; subject: string; text: string; key: string }): Promise<void>;
}

/** Where the `log` adapters write: the back office's logger (pino's `info`). */
export type LogLine = (details: Record<string, unknown>, message: string) => void;

/**
 * The demo's SMS: the whole text, code included, goes to the back office's log, so whoever runs
 * `npm start` can sign in. Never configured in production (the code would be readable by anyone
 * who reads the log).
 */
export function logSmsSender(log: LogLine): SmsSender {
  return {
    async send({ to, text, key }) {
      log({ channel: 'sms', to, key, text }, 'portal sign-in SMS (log adapter)');
    },
  };
}

/** The demo's e-mail, like logSmsSender: the text, link included, goes to the log. */
export function logMailSender(log: LogLine): MailSender {
  return {
    async send({ to, subject, text, key }) {
      log({ channel: 'email', to, key, subject, text }, 'portal sign-in e-mail (log adapter)');
    },
  };
}
