import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  readonly port: number;
  /** `smtp://user:pass@127.0.0.1:<port>`: any credentials are accepted. */
  readonly url: string;
  /** Every mail accepted so far, parsed, in arrival order. */
  readonly mails: ParsedMail[];
  /** Mails to these addresses are refused with 550 (a permanent failure). */
  readonly refusedRecipients: Set<string>;
  /** Resolves once `count` mails have arrived (or rejects after `timeoutMs`). */
  waitForMails(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Closes the listener and every open connection: an outage. */
  stop(): Promise<void>;
  /** Listens again on the same port: the outage is over. */
  start(): Promise<void>;
}

/**
 * A real SMTP server in the test's process (smtp-server), on a free port, that parses what it
 * receives with mailparser. Plain text, no TLS, any login: what a local relay looks like.
 * `acceptDelayMs`: each mail is recorded on arrival and acknowledged that much later.
 */
export async function startTestSmtpServer(options: { port?: number; acceptDelayMs?: number } = {}): Promise<TestSmtpServer> {
  const mails: ParsedMail[] = [];
  const refusedRecipients = new Set<string>();
  const waiters: Array<() => void> = [];
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  function createServer(): SMTPServer {
    return new SMTPServer({
      secure: false,
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      onAuth(_auth, _session, callback) {
        callback(null, { user: 'test' });
      },
      onRcptTo(address, _session, callback) {
        if (refusedRecipients.has(address.address.toLowerCase())) {
          const error = new Error('No such user here') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push(mail);
            for (const wake of waiters.splice(0)) wake();
            // A slow provider: the mail is here, but the sender hears "250 accepted" only later (the crash window).
            if (options.acceptDelayMs) setTimeout(() => callback(), options.acceptDelayMs);
            else callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  async function start(): Promise<void> {
    const next = createServer();
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        resolve();
      });
    });
    next.on('error', () => undefined);
    const address = next.server.address();
    if (address && typeof address === 'object') port = address.port;
    server = next;
  }

  async function stop(): Promise<void> {
    const current = server;
    server = null;
    if (!current) return;
    // close() waits for clients to quit; a pooled client keeps its connection open, so cut them.
    const closing = new Promise<void>((resolve) => current.close(() => resolve()));
    for (const connection of (current as unknown as { connections: Set<{ close(): void }> }).connections ?? []) connection.close();
    await closing;
  }

  async function waitForMails(count: number, timeoutMs = 10_000): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (mails.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} mails, got ${mails.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return mails;
  }

  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://test:test@127.0.0.1:${port}`;
    },
    mails,
    refusedRecipients,
    waitForMails,
    stop,
    start,
  };
}
