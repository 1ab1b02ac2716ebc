import { appendFileSync, chmodSync, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { MessageChannels } from './channels';
import { DEFAULT_SMS_BODY_TEMPLATE, httpSmsSender } from './httpSmsSender';
import { logChannels } from './logSenders';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryPolicy';
import { smtpEmailSender } from './smtpEmailSender';

const logChannelSchema = z.strictObject({ type: z.literal('log') });

const smsSchema = z.discriminatedUnion('type', [
  logChannelSchema,
  z.strictObject({
    type: z.literal('http'),
    url: z.url({ protocol: /^https?$/ }),
    username: z.string().max(200).optional(),
    password: z.string().max(500).optional(),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(2000)).optional(),
    format: z.enum(['json', 'form']).default('json'),
    bodyTemplate: z.string().min(1).max(4000).optional(),
    timeoutMs: z.int().min(100).max(120_000).optional(),
  }),
]);

const emailSchema = z.discriminatedUnion('type', [
  logChannelSchema,
  z.strictObject({
    type: z.literal('smtp'),
    url: z.url({ protocol: /^smtps?$/ }),
    from: z.string().min(3).max(320),
    maxConnections: z.int().min(1).max(50).optional(),
    timeoutMs: z.int().min(100).max(120_000).optional(),
  }),
]);

/**
 * `serve --messages-config <file.json>` (docs/messages.md). Every part is optional; a channel
 * left out is filled from the environment, else not offered. The file holds secrets: keep it 0600.
 */
export const messagesConfigSchema = z.strictObject({
  sms: smsSchema.optional(),
  email: emailSchema.optional(),
  /** Where the `log` adapter writes: a file (appended, 0600), else the back office's standard output. */
  logFile: z.string().min(1).max(1000).optional(),
  worker: z
    .strictObject({
      intervalMs: z.int().min(50).max(600_000).optional(),
      batchSize: z.int().min(1).max(1000).optional(),
      concurrency: z.int().min(1).max(100).optional(),
      leaseMs: z.int().min(1000).max(3_600_000).optional(),
      maxAttempts: z.int().min(1).max(100).optional(),
      baseDelayMs: z.int().min(10).max(3_600_000).optional(),
      maxDelayMs: z.int().min(10).max(86_400_000).optional(),
    })
    .optional(),
});
export type MessagesConfig = z.infer<typeof messagesConfigSchema>;

export const DEFAULT_WORKER_INTERVAL_MS = 1_000;

/** The environment's settings, for channels the file leaves out (a container's usual way). */
export function messagesConfigFromEnv(env: Record<string, string | undefined>): MessagesConfig {
  const config: Record<string, unknown> = {};
  if (env.SHUBBAK_MESSAGES === 'log') {
    config.sms = { type: 'log' };
    config.email = { type: 'log' };
  }
  if (env.SHUBBAK_SMTP_URL) config.email = { type: 'smtp', url: env.SHUBBAK_SMTP_URL, from: env.SHUBBAK_MAIL_FROM ?? '' };
  if (env.SHUBBAK_SMS_URL) {
    config.sms = {
      type: 'http',
      url: env.SHUBBAK_SMS_URL,
      ...(env.SHUBBAK_SMS_USER ? { username: env.SHUBBAK_SMS_USER } : {}),
      ...(env.SHUBBAK_SMS_PASSWORD ? { password: env.SHUBBAK_SMS_PASSWORD } : {}),
      ...(env.SHUBBAK_SMS_FORMAT ? { format: env.SHUBBAK_SMS_FORMAT } : {}),
      ...(env.SHUBBAK_SMS_BODY ? { bodyTemplate: env.SHUBBAK_SMS_BODY } : {}),
    };
  }
  if (env.SHUBBAK_MESSAGES_LOG_FILE) config.logFile = env.SHUBBAK_MESSAGES_LOG_FILE;
  return parseMessagesConfig(config, 'the environment');
}

/** Validates a configuration; the error names the field, never its value (a secret may be in it). */
export function parseMessagesConfig(raw: unknown, source: string): MessagesConfig {
  const parsed = messagesConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`).join('; ');
  throw new Error(`invalid messages configuration in ${source} (${where})`);
}

/** Reads the file; `warn` is told when others than its owner may read it (it holds secrets). */
export function readMessagesConfigFile(path: string, warn: (line: string) => void): MessagesConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
    if ((statSync(path).mode & 0o077) !== 0) warn(`${path} may be read by other users: it holds the SMTP and SMS credentials (chmod 600 it)`);
  } catch (error) {
    throw new Error(`cannot read the messages configuration ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`the messages configuration ${path} is not JSON`);
  }
  return parseMessagesConfig(json, path);
}

/** The file's channels, and the environment's for those it leaves out. */
export function mergeMessagesConfig(file: MessagesConfig | null, env: MessagesConfig): MessagesConfig {
  return {
    ...env,
    ...file,
    sms: file?.sms ?? env.sms,
    email: file?.email ?? env.email,
    logFile: file?.logFile ?? env.logFile,
  } as MessagesConfig;
}

export function retryPolicyOf(config: MessagesConfig): RetryPolicy {
  const worker = config.worker ?? {};
  return {
    baseMs: worker.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseMs,
    maxDelayMs: worker.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    maxAttempts: worker.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
  };
}

/** The senders a configuration asks for. `stdout` receives the log adapter's lines when no file is set. */
export function channelsOf(config: MessagesConfig, stdout: (line: string) => void): MessageChannels {
  const logFile = config.logFile;
  const write = logFile
    ? (line: string) => {
        appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
        chmodSync(logFile, 0o600);
      }
    : stdout;
  const logged = logChannels(write);
  const channels: MessageChannels = {};
  if (config.sms?.type === 'log') channels.sms = logged.sms;
  if (config.sms?.type === 'http') {
    const { type: _type, bodyTemplate, ...settings } = config.sms;
    channels.sms = httpSmsSender({ ...settings, bodyTemplate: bodyTemplate ?? DEFAULT_SMS_BODY_TEMPLATE[settings.format] });
  }
  if (config.email?.type === 'log') channels.email = logged.email;
  if (config.email?.type === 'smtp') {
    const { type: _type, ...settings } = config.email;
    channels.email = smtpEmailSender(settings);
  }
  return channels;
}

/** One line for the operator: which channel goes where, by host only (no credentials, no path). */
export function describeMessagesConfig(config: MessagesConfig): string {
  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '?';
    }
  };
  const where = config.logFile ? `the log ${config.logFile}` : 'the log';
  const sms = !config.sms ? 'not configured' : config.sms.type === 'log' ? `written to ${where}` : `HTTP gateway ${hostOf(config.sms.url)}`;
  const email = !config.email ? 'not configured' : config.email.type === 'log' ? `written to ${where}` : `SMTP ${hostOf(config.email.url)}`;
  return `Messages to citizens: SMS ${sms}; e-mail ${email}`;
}
