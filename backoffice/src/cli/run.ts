import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REFUSAL_REASON_CODES, refusalReasonCodeSchema } from '../../../src/domain/refusalReasons';
import { remoteStatusSchema } from '../../../src/domain/status';
import { escapeInvisible } from '../../../src/domain/text';
import type { LocalizedText } from '../../../src/domain/locales';
import { parseOpeningHours, type OpeningHours } from '../../../src/domain/officeIdentity';
import { DEFAULT_CATALOGUE_PATH, readCatalogueFile } from '../catalogueFile';
import { readOfficeLogoFile } from '../officeLogoFile';
import { buildOpenApiDocument } from '../openapi/document';
import { ApiError } from '../service/apiError';
import { DEFAULT_RATE_LIMIT, startBackoffice, type RateLimitSettings, type RunningBackoffice } from '../server';
import { MAX_RETENTION_DAYS, parseRetentionDays } from '../service/retention';
import { prepareDataDir } from '../store/dataFiles';
import { openStore, storeConfig, type StoreConfig } from '../store/openStore';
import { isLoopbackHost } from '../http/plainHttp';
import { parseTrustProxy } from '../http/trustProxy';
import * as certificateCommands from './certificateCommands';
import * as routingCommands from './routingCommands';
import * as commands from './commands';
import { setOfficeStreets } from './officeStreetsCommands';
import { isClusterPrimary, leaveCluster, reportListening, runWorkers } from './workers';
import { SigningKeyring } from '../certificates/signingKeyring';
import { hasAnyChannel } from '../messages/messaging';
import { describeMessagesConfig, mergeMessagesConfig, messagesConfigFromEnv, readMessagesConfigFile, type MessagesConfig } from '../messages/messagesConfig';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
  /** `serve` hands over its running server and waits until this resolves (a signal, in the real CLI). */
  untilStopped?: (server: RunningBackoffice) => Promise<void>;
}

export const USAGE = `Usage: npm run backoffice -- <command> [options]
  serve [--port 8787] [--host 127.0.0.1] [--data .data/backoffice] [--rate-limit <per minute>|off]
        [--retention-days <n>] [--trust-proxy <addresses>|off] [--allow-plain-http]
                                           (the default command; env SHUBBAK_PORT, SHUBBAK_RATE_LIMIT, SHUBBAK_LOG,
                                           SHUBBAK_RETENTION_DAYS: purge finished requests hourly, off by default;
                                           SHUBBAK_TRUST_PROXY: the reverse proxy's address(es), e.g. loopback;
                                           SHUBBAK_ALLOW_PLAIN_HTTP=1: listen on a non-loopback host without TLS)
        [--workers <n>]                    n instances on one port (PostgreSQL only; env SHUBBAK_WORKERS)
        [--messages-config <file.json>]    SMS and e-mail to citizens (docs/messages.md; env SHUBBAK_SMTP_URL, SHUBBAK_SMS_URL, …)
        [--public-url <https://…>]         the address citizens reach, for the portal's e-mail sign-in link (env SHUBBAK_PUBLIC_URL)
  create-office --id <id> --name <name>
  enrol-code --office <id>                 prints a one-time enrolment code (valid 24 h)
  demo-setup                               the demo office; the code is the last line
  demo-staff                               one demo account per role on the demo office: login, role, password
  add-staff --office <id> --role <agent|chief|admin> --name <name> [--login <login>]
                                           prints the login and a one-time activation code (last line)
  grant-role --office <id> --role <role> <login>
                                           the same person works at another office (or changes role)
  list-staff --office <id>
  reset-password <login>                   ends the password and sessions; a new activation code (last line)
  revoke-staff <login>                     the person loses every office; their sessions end
  set-status <tracking code> <status> [--reason <text>] [--reason-code <code>]
  list-devices [--office <id>]             kiosks with their sequence gaps and replays
  revoke-device <deviceId>
  revoke-office <officeId>
  catalogue-import --office <id> <file>
  set-office-identity --office <id> --name-ar <name> --name-zgh <name> --name-fr <name> --name-en <name> [--logo <file>]
      [--address-ar <text> --address-zgh <text> --address-fr <text> --address-en <text>] [--hours "1-5 08:30-16:30; 6 09:00-12:00"]
                                           the office's name in each kiosk language and its logo (.png .jpg .webp .svg)
  set-office-streets --office <id> <file>  the streets of the office's territory for the kiosk's address picker:
                                           one a line, "Latin name;Arabic name" (UTF-8; # starts a comment)
  add-body --office <id> --kind <handledBy> --name-ar <name> --name-fr <name> [--commune <name>]…
           [--email <address>] [--endpoint <https://…>]
                                           a body of the routing directory (e.g. --kind commune-of-birth);
                                           no --commune: it takes every request of its kind
  list-bodies --office <id>
  remove-body --office <id> <bodyId>       no more forwards to it (its past ones stay); serve's reply links
                                           use --public-url / SHUBBAK_PUBLIC_URL (the address bodies reach), else the listening one
  purge --days <n>                         empties the personal data of requests finished > n days ago
  openapi                                  prints the OpenAPI 3.1 document (as served at /api/v1/openapi.json)
  rotate-signing-key                       certificates are signed with a new key from now on; old ones still verify
  export-keys                              prints the public keys (as served at /api/v1/keys)
  trust-keys <file>                        another back office's keys (from its /api/v1/keys): its certificates verify here
  verify-certificate --keys <file> <token> checks a certificate token offline with only a key set (no database)
Every command takes --data <dir> (env SHUBBAK_DATA_DIR), and --database <postgres://… URL or
SQLite file> (env DATABASE_URL; default <data>/backoffice.sqlite) with --pool-size <n> (env
SHUBBAK_PG_POOL, connections per instance, 10 by default). The default catalogue file may be
replaced with env SHUBBAK_DEFAULT_CATALOGUE.`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  database: { type: 'string' },
  'pool-size': { type: 'string' },
  workers: { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  office: { type: 'string' },
  reason: { type: 'string' },
  'reason-code': { type: 'string' },
  role: { type: 'string' },
  login: { type: 'string' },
  'rate-limit': { type: 'string' },
  'retention-days': { type: 'string' },
  'messages-config': { type: 'string' },
  'public-url': { type: 'string' },
  'trust-proxy': { type: 'string' },
  'allow-plain-http': { type: 'boolean' },
  days: { type: 'string' },
  'name-ar': { type: 'string' },
  'address-ar': { type: 'string' },
  'address-zgh': { type: 'string' },
  'address-fr': { type: 'string' },
  'address-en': { type: 'string' },
  hours: { type: 'string' },
  'name-zgh': { type: 'string' },
  'name-fr': { type: 'string' },
  'name-en': { type: 'string' },
  logo: { type: 'string' },
  keys: { type: 'string' },
  kind: { type: 'string' },
  commune: { type: 'string', multiple: true },
  email: { type: 'string' },
  endpoint: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function retentionDays(value: string): number {
  const days = parseRetentionDays(value);
  if (days === null) throw new commands.CommandError(`retention must be whole days, 1 to ${MAX_RETENTION_DAYS}`);
  return days;
}

/** A whole number from 1 to 1000, or undefined when not given. */
function positiveCount(text: string | undefined, flag: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > 1000) throw new commands.CommandError(`${flag} must be a whole number from 1 to 1000`);
  return Number(text);
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new commands.CommandError(`missing ${flag}`);
  return value;
}

/** Runs one command; returns the exit code. Errors meant for the operator are printed without a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const [command = 'serve', ...rest] = positionals;
    const dataDir = values.data ?? io.env.SHUBBAK_DATA_DIR ?? join('.data', 'backoffice');
    const database = storeConfig({
      dataDir,
      database: values.database ?? io.env.DATABASE_URL,
      poolSize: positiveCount(values['pool-size'] ?? io.env.SHUBBAK_PG_POOL, '--pool-size'),
    });
    if (command === 'openapi') {
      io.stdout(JSON.stringify(buildOpenApiDocument(), null, 2));
      return 0;
    }
    if (command === 'verify-certificate') {
      const result = certificateCommands.verifyOffline(required(values.keys, '--keys'), required(rest[0], '<token>'), io.stdout);
      return result.outcome === 'valid' ? 0 : 3;
    }
    if (command === 'rotate-signing-key' || command === 'export-keys' || command === 'trust-keys') {
      const keyring = SigningKeyring.open(dataDir);
      if (command === 'rotate-signing-key') certificateCommands.rotateSigningKey(keyring, new Date(), io.stdout);
      else if (command === 'export-keys') certificateCommands.exportKeys(keyring, io.stdout);
      else certificateCommands.trustKeys(keyring, required(rest[0], '<file>'), io.stdout);
      return 0;
    }
    if (command === 'serve') {
      return await serve(io, {
        dataDir,
        database,
        workers: positiveCount(values.workers ?? io.env.SHUBBAK_WORKERS, '--workers') ?? 1,
        port: values.port ?? io.env.SHUBBAK_PORT ?? '8787',
        host: values.host ?? '127.0.0.1',
        rateLimit: values['rate-limit'] ?? io.env.SHUBBAK_RATE_LIMIT,
        retentionDays: values['retention-days'] ?? io.env.SHUBBAK_RETENTION_DAYS,
        messagesConfig: values['messages-config'] ?? io.env.SHUBBAK_MESSAGES_CONFIG,
        publicUrl: values['public-url'] ?? io.env.SHUBBAK_PUBLIC_URL,
        trustProxy: values['trust-proxy'] ?? io.env.SHUBBAK_TRUST_PROXY,
        allowPlainHttp: values['allow-plain-http'] === true || isOn(io.env.SHUBBAK_ALLOW_PLAIN_HTTP),
      });
    }

    prepareDataDir(dataDir);
    const store = await openStore(database);
    const context: commands.CommandContext = {
      store,
      now: () => new Date(),
      // Labels and names come from kiosks and operators: printed with control characters made visible.
      // A tab is the commands' own column separator (demo-staff's lines are read by npm start), so each
      // column is escaped on its own (stored values hold no tab: the text rule refuses control characters).
      print: (line) => io.stdout(line.split('\t').map(escapeInvisible).join('\t')),
      defaultCatalogue: () => readCatalogueFile(io.env.SHUBBAK_DEFAULT_CATALOGUE ?? DEFAULT_CATALOGUE_PATH),
    };
    try {
      switch (command) {
        case 'create-office':
          await commands.createOffice(context, { id: required(values.id, '--id'), name: required(values.name, '--name') });
          break;
        case 'enrol-code':
          await commands.enrolCode(context, required(values.office, '--office'));
          break;
        case 'demo-setup':
          await commands.demoSetup(context);
          break;
        case 'demo-staff':
          await commands.demoStaff(context);
          break;
        case 'add-staff':
          await commands.addStaff(context, {
            officeId: required(values.office, '--office'),
            role: required(values.role, '--role'),
            name: required(values.name, '--name'),
            login: values.login,
          });
          break;
        case 'grant-role':
          await commands.grantRole(context, { login: required(rest[0], '<login>'), officeId: required(values.office, '--office'), role: required(values.role, '--role') });
          break;
        case 'list-staff':
          await commands.listStaff(context, required(values.office, '--office'));
          break;
        case 'reset-password':
          await commands.resetPassword(context, required(rest[0], '<login>'));
          break;
        case 'set-status': {
          const status = remoteStatusSchema.safeParse(rest[1]);
          if (!status.success) throw new commands.CommandError(`status must be one of ${remoteStatusSchema.options.join(', ')}`);
          const reasonCode = values['reason-code'] === undefined ? undefined : refusalReasonCodeSchema.safeParse(values['reason-code']);
          if (reasonCode && !reasonCode.success) throw new commands.CommandError(`--reason-code must be one of ${REFUSAL_REASON_CODES.join(', ')}`);
          await commands.setStatus(context, required(rest[0], '<tracking code>'), status.data, values.reason, reasonCode?.data);
          break;
        }
        case 'purge':
          await commands.purge(context, retentionDays(required(values.days, '--days')));
          break;
        case 'list-devices':
          await commands.listDevices(context, values.office);
          break;
        case 'revoke-device':
          await commands.revokeDevice(context, required(rest[0], '<deviceId>'));
          break;
        case 'revoke-staff':
          await commands.revokeStaff(context, required(rest[0], '<login>'));
          break;
        case 'revoke-office':
          await commands.revokeOffice(context, required(rest[0], '<officeId>'));
          break;
        case 'catalogue-import':
          await commands.catalogueImport(context, required(values.office, '--office'), readCatalogueFile(required(rest[0], '<file>')));
          break;
        case 'set-office-identity':
          await commands.setOfficeIdentity(context, required(values.office, '--office'), {
            names: {
              ar: required(values['name-ar'], '--name-ar'),
              zgh: required(values['name-zgh'], '--name-zgh'),
              fr: required(values['name-fr'], '--name-fr'),
              en: required(values['name-en'], '--name-en'),
            },
            logo: values.logo ? readOfficeLogo(values.logo) : null,
            ...officeWhereabouts(values),
          });
          break;
        case 'set-office-streets':
          await setOfficeStreets(context, required(values.office, '--office'), readFileSync(required(rest[0], '<file>'), 'utf8'));
          break;
        case 'add-body':
          await routingCommands.addBody(context, required(values.office, '--office'), {
            kind: required(values.kind, '--kind'),
            nameAr: required(values['name-ar'], '--name-ar'),
            nameFr: required(values['name-fr'], '--name-fr'),
            communes: values.commune ?? [],
            ...(values.email === undefined ? {} : { email: values.email }),
            ...(values.endpoint === undefined ? {} : { endpoint: values.endpoint }),
          });
          break;
        case 'list-bodies':
          await routingCommands.listBodies(context, required(values.office, '--office'));
          break;
        case 'remove-body':
          await routingCommands.removeBody(context, required(values.office, '--office'), required(rest[0], '<bodyId>'));
          break;
        default:
          throw new commands.CommandError(`unknown command "${command}"\n${USAGE}`);
      }
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof commands.CommandError || error instanceof ApiError || isUsageError(error)) {
      io.stderr(`error: ${escapeInvisible((error as Error).message)}`);
      return 2;
    }
    io.stderr(`error: ${escapeInvisible((error as Error).message ?? String(error))}`);
    return 1;
  }
}

function isOn(text: string | undefined): boolean {
  return ['1', 'true', 'on', 'yes'].includes((text ?? '').trim().toLowerCase());
}

function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** `off`, or requests per minute per device (enrolment keeps its own, lower, limit). */
function rateLimitSetting(text: string | undefined): RateLimitSettings | false {
  if (text === undefined || text === '') return DEFAULT_RATE_LIMIT;
  if (text === 'off') return false;
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) throw new commands.CommandError(`invalid rate limit "${text}" (a number per minute, or off)`);
  return { ...DEFAULT_RATE_LIMIT, max: Number(text), timeWindowMs: 60_000 };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The portal's address (all four languages, or none) and opening hours of set-office-identity. */
function officeWhereabouts(values: Record<string, string | string[] | boolean | undefined>): { address?: LocalizedText; openingHours?: OpeningHours } {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const lines = { ar: text('address-ar'), zgh: text('address-zgh'), fr: text('address-fr'), en: text('address-en') };
  const given = Object.values(lines).filter((line) => line !== undefined).length;
  if (given !== 0 && given !== 4) throw new commands.CommandError('give the address in all four languages (--address-ar, --address-zgh, --address-fr, --address-en), or none');
  const hoursText = text('hours');
  const openingHours = hoursText === undefined ? undefined : parseOpeningHours(hoursText);
  if (openingHours === null) throw new commands.CommandError('--hours: spans like "1-5 08:30-16:30; 6 09:00-12:00" (ISO weekdays, 1 is Monday)');
  return {
    ...(given === 4 ? { address: lines as LocalizedText } : {}),
    ...(openingHours ? { openingHours } : {}),
  };
}

/** SHUBBAK_LOG: a pino level name, or 1/true/on (every request: `info`) and 0/false/off (`silent`). */
export function logLevelSetting(text: string | undefined): (typeof LOG_LEVELS)[number] {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return 'warn';
  if (['1', 'true', 'on', 'yes'].includes(value)) return 'info';
  if (['0', 'false', 'off', 'no'].includes(value)) return 'silent';
  const level = LOG_LEVELS.find((name) => name === value);
  if (!level) throw new commands.CommandError(`invalid SHUBBAK_LOG "${text ?? ''}" (one of ${LOG_LEVELS.join(', ')}, or 1 / 0)`);
  return level;
}

async function serve(
  io: CliIo,
  options: {
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
  },
): Promise<number> {
  const messages = messagesSetting(io, options.messagesConfig);
  const port = Number(options.port);
  if (!/^\d{1,5}$/.test(options.port) || port > 65_535) throw new commands.CommandError(`invalid port "${options.port}"`);
  const trustProxy = parseTrustProxy(options.trustProxy);
  if (!trustProxy.ok) throw new commands.CommandError(trustProxy.message);
  if (!isLoopbackHost(options.host) && !options.allowPlainHttp) {
    throw new commands.CommandError(
      `refusing to serve plain http:// on "${options.host}": put the back office behind the TLS reverse proxy on loopback ` +
        '(docs/operations.md), or pass --allow-plain-http if the network is trusted',
    );
  }
  const days = options.retentionDays === undefined || options.retentionDays === '' ? undefined : retentionDays(options.retentionDays);
  if (options.workers > 1 && options.database.engine !== 'postgres') {
    throw new commands.CommandError('--workers needs PostgreSQL (--database postgres://…): one SQLite file has one writer');
  }
  if (options.workers > 1 && isClusterPrimary()) {
    await runWorkers({ workers: options.workers, database: options.database, print: io.stdout, untilStopped: () => untilSignal() });
    return 0;
  }
  const publicUrl = options.publicUrl ? publicUrlSetting(options.publicUrl) : undefined;
  const server = await startBackoffice({
    dataDir: options.dataDir,
    store: options.database,
    port,
    host: options.host,
    rateLimit: rateLimitSetting(options.rateLimit),
    // Warnings (refused items, server errors) by default; SHUBBAK_LOG=info shows every request.
    logger: { level: logLevelSetting(io.env.SHUBBAK_LOG) },
    retentionDays: days,
    trustProxy: trustProxy.value,
    messages,
    print: io.stdout,
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
  // A worker's channel to its primary would keep it alive.
  leaveCluster();
  return 0;
}

/** The portal's public address: an absolute http(s) URL, no query or fragment (the link appends its own path). */
function publicUrlSetting(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new commands.CommandError(`invalid --public-url "${raw}"`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new commands.CommandError(`invalid --public-url "${raw}": an http(s) address without credentials, query or fragment`);
  }
  return url.href.replace(/\/+$/, '');
}

/** `--messages-config` (or env SHUBBAK_MESSAGES_CONFIG), with the environment's channels for those it leaves out. */
function messagesSetting(io: CliIo, file: string | undefined): MessagesConfig {
  try {
    const fromFile = file ? readMessagesConfigFile(file, (line) => io.stderr(`Warning: ${line}`)) : null;
    return mergeMessagesConfig(fromFile, messagesConfigFromEnv(io.env));
  } catch (error) {
    throw new commands.CommandError((error as Error).message);
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

function readOfficeLogo(path: string) {
  try {
    return readOfficeLogoFile(path);
  } catch (error) {
    throw new commands.CommandError((error as Error).message);
  }
}
