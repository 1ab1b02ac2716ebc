import { hasAnyChannel } from '../messages/messaging';
import { describeMessagesConfig, mergeMessagesConfig, messagesConfigFromEnv, readMessagesConfigFile, type MessagesConfig } from '../messages/messagesConfig';
import { isLoopbackHost } from '../http/plainHttp';
import { parseTrustProxy } from '../http/trustProxy';
import { DEFAULT_RATE_LIMIT, startBackoffice, type RateLimitSettings, type TrustProxySetting } from '../server';
import { DEFAULT_WARM_UP, type WarmUpLimits } from '../service/warmUp';
import type { StoreConfig } from '../store/openStore';
import { isOn, positiveCount, retentionDays, type CliValues } from './arguments';
import { CommandError } from './commands';
import type { CliIo } from './run';
import { isClusterPrimary, isFirstInstance, leaveCluster, reportListening, runWorkers } from './workers';

export interface ServeOptions {
  dataDir: string;
  database: StoreConfig;
  workers: number;
  port: string;
  host: string;
  rateLimit: string | undefined;
  retentionDays: string | undefined;
  messagesConfig: string | undefined;
  publicUrl: string | undefined;
  trustProxy: string | undefined;
  allowPlainHttp: boolean;
  /** Synthesise the offices' street names (SHUBBAK_STREET_VOICES=off turns it off). */
  streetVoices: boolean;
  /** Warm each instance up before it listens (SHUBBAK_WARM_UP, see warmUpSetting; server.ts). */
  warmUp: boolean | WarmUpLimits;
}

/** `serve`'s settings: each flag, else its environment variable, else the default. */
export function serveOptions(values: CliValues, env: CliIo['env'], where: { dataDir: string; database: StoreConfig }): ServeOptions {
  return {
    ...where,
    workers: positiveCount(values.workers ?? env.SHUBBAK_WORKERS, '--workers') ?? 1,
    port: values.port ?? env.SHUBBAK_PORT ?? '8787',
    host: values.host ?? '127.0.0.1',
    rateLimit: values['rate-limit'] ?? env.SHUBBAK_RATE_LIMIT,
    retentionDays: values['retention-days'] ?? env.SHUBBAK_RETENTION_DAYS,
    messagesConfig: values['messages-config'] ?? env.SHUBBAK_MESSAGES_CONFIG,
    publicUrl: values['public-url'] ?? env.SHUBBAK_PUBLIC_URL,
    trustProxy: values['trust-proxy'] ?? env.SHUBBAK_TRUST_PROXY,
    allowPlainHttp: values['allow-plain-http'] === true || isOn(env.SHUBBAK_ALLOW_PLAIN_HTTP),
    streetVoices: (env.SHUBBAK_STREET_VOICES ?? '').trim().toLowerCase() !== 'off',
    warmUp: warmUpSetting(env.SHUBBAK_WARM_UP),
  };
}

/** Runs the back office until stopped (a signal, or `io.untilStopped`); every setting is checked before anything starts. */
export async function serve(io: CliIo, options: ServeOptions): Promise<number> {
  const messages = messagesSetting(io, options.messagesConfig);
  const port = Number(options.port);
  if (!/^\d{1,5}$/.test(options.port) || port > 65_535) throw new CommandError(`invalid port "${options.port}"`);
  const trustProxy = parseTrustProxy(options.trustProxy);
  if (!trustProxy.ok) throw new CommandError(trustProxy.message);
  if (!isLoopbackHost(options.host) && !options.allowPlainHttp) {
    throw new CommandError(
      `refusing to serve plain http:// on "${options.host}": put the back office behind the TLS reverse proxy on loopback ` +
        '(docs/operations.md), or pass --allow-plain-http if the network is trusted',
    );
  }
  const days = options.retentionDays === undefined || options.retentionDays === '' ? undefined : retentionDays(options.retentionDays);
  if (options.workers > 1 && options.database.engine !== 'postgres') {
    throw new CommandError('--workers needs PostgreSQL (--database postgres://…): one SQLite file has one writer');
  }
  // Checked here too, so that a bad value stops `--workers N` in its primary, before any worker starts.
  const checked = {
    messages,
    port,
    trustProxy: trustProxy.value,
    days,
    rateLimit: rateLimitSetting(options.rateLimit),
    logLevel: logLevelSetting(io.env.SHUBBAK_LOG),
    publicUrl: options.publicUrl ? publicUrlSetting(options.publicUrl) : undefined,
  };
  if (options.workers > 1 && isClusterPrimary()) {
    await runWorkers({ workers: options.workers, database: options.database, print: io.stdout, untilStopped: () => untilSignal() });
    return 0;
  }
  try {
    return await serveInstance(io, options, checked);
  } finally {
    // A worker of `--workers N` leaves the cluster once done, whether it served or could not start:
    // its channel to the primary would keep it alive, and the primary waiting for it to listen.
    leaveCluster();
  }
}

/** One instance: the lone server, or a worker of `--workers N`. */
async function serveInstance(
  io: CliIo,
  options: ServeOptions,
  checked: {
    messages: MessagesConfig;
    port: number;
    trustProxy: TrustProxySetting;
    days: number | undefined;
    rateLimit: RateLimitSettings | false;
    logLevel: ReturnType<typeof logLevelSetting>;
    publicUrl: string | undefined;
  },
): Promise<number> {
  const { messages, port, days, publicUrl } = checked;
  const server = await startBackoffice({
    dataDir: options.dataDir,
    store: options.database,
    port,
    host: options.host,
    rateLimit: checked.rateLimit,
    // Warnings (refused items, server errors) by default; SHUBBAK_LOG=info shows every request.
    logger: { level: checked.logLevel },
    retentionDays: days,
    trustProxy: checked.trustProxy,
    messages,
    print: io.stdout,
    // One synthesiser per deployment: in `--workers N`, the first worker (the takes are shared in the database).
    streetVoices: options.streetVoices && isFirstInstance(),
    warmUp: options.warmUp,
    // One public address (--public-url or SHUBBAK_PUBLIC_URL, checked once): the portal's e-mail sign-in
    // links and the reply links of forwarded requests (docs/routing.md) both point at it.
    ...(publicUrl ? { portal: { publicUrl }, publicUrl } : {}),
  });
  // A worker of `--workers N` reports to its primary, which prints the address once for all.
  if (!reportListening(server.url)) io.stdout(`Back office listening on ${server.url}`);
  // Without a channel nothing is said: messages wait in the outbox until one is configured (docs/messages.md).
  if (isClusterPrimary() && hasAnyChannel(messages)) io.stdout(describeMessagesConfig(messages));
  if (days !== undefined && isClusterPrimary()) io.stdout(`Purging the personal data of requests finished more than ${days} day(s) ago, every hour`);
  await (io.untilStopped ?? untilSignal)(server);
  await server.close();
  return 0;
}

/** `off`, or requests per minute per device (enrolment keeps its own, lower, limit). */
function rateLimitSetting(text: string | undefined): RateLimitSettings | false {
  if (text === undefined || text === '') return DEFAULT_RATE_LIMIT;
  if (text === 'off') return false;
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) throw new CommandError(`invalid rate limit "${text}" (a number per minute, or off)`);
  return { ...DEFAULT_RATE_LIMIT, max: Number(text), timeWindowMs: 60_000 };
}

/**
 * SHUBBAK_WARM_UP: on (the default: catalogues and validation), `catalogues` (the cache only, no
 * validation run: a second faster start) or `off`. service/warmUp.ts; docs/operations.md.
 */
export function warmUpSetting(text: string | undefined): boolean | WarmUpLimits {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '' || value === 'on') return true;
  if (value === 'off') return false;
  if (value === 'catalogues') return { ...DEFAULT_WARM_UP, validationItems: 0 };
  throw new CommandError(`invalid SHUBBAK_WARM_UP "${text ?? ''}" (on, catalogues or off)`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** SHUBBAK_LOG: a pino level name, or 1/true/on (every request: `info`) and 0/false/off (`silent`). */
export function logLevelSetting(text: string | undefined): (typeof LOG_LEVELS)[number] {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return 'warn';
  if (['1', 'true', 'on', 'yes'].includes(value)) return 'info';
  if (['0', 'false', 'off', 'no'].includes(value)) return 'silent';
  const level = LOG_LEVELS.find((name) => name === value);
  if (!level) throw new CommandError(`invalid SHUBBAK_LOG "${text ?? ''}" (one of ${LOG_LEVELS.join(', ')}, or 1 / 0)`);
  return level;
}

/** The portal's public address: an absolute http(s) URL, no query or fragment (the link appends its own path). */
function publicUrlSetting(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CommandError(`invalid --public-url "${raw}"`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new CommandError(`invalid --public-url "${raw}": an http(s) address without credentials, query or fragment`);
  }
  return url.href.replace(/\/+$/, '');
}

/** `--messages-config` (or env SHUBBAK_MESSAGES_CONFIG), with the environment's channels for those it leaves out. */
function messagesSetting(io: CliIo, file: string | undefined): MessagesConfig {
  try {
    const fromFile = file ? readMessagesConfigFile(file, (line) => io.stderr(`Warning: ${line}`)) : null;
    return mergeMessagesConfig(fromFile, messagesConfigFromEnv(io.env));
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
}

/** SIGTERM or SIGINT: stop accepting, let requests in flight finish, close the database. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
