import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../src/domain/syncProtocol';
import { CONSOLE_PREFIX } from '../../src/domain/console/routes';
import { startStreetVoices, type StreetVoicesOptions } from './audio/streetVoices';
import { rateLimitKey, registerAuth } from './http/auth';
import { registerConsolePages } from './http/consolePages';
import { registerPortalPages } from './http/portalPages';
import { registerConsoleAuth } from './http/consoleAuth';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './service/loginThrottle';
import { NO_CERTIFICATES, type CertificateFacts } from './service/requestPage';
import { indexUnsearchedRequests } from './service/searchIndexing';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './service/staffSessions';
import { handleError, handleNotFound } from './http/errors';
import { ApiError } from './service/apiError';
import { registerStrictJson } from './http/jsonBody';
import { sharedRateLimitStore } from './http/sharedRateLimits';
import { registerAuditRoutes } from './routes/audit';
import { registerCatalogueRoutes } from './routes/catalogue';
import { registerOfficeIdentityRoutes } from './routes/officeIdentity';
import { registerCertificateVerificationRoutes } from './routes/certificateVerification';
import { registerConsoleCertificateRoutes } from './routes/consoleCertificates';
import { certificateFacts } from './service/certificates';
import { registerChangesRoutes } from './routes/changes';
import { BODY_LIMITS } from './routes/deps';
import { registerEnrolRoutes } from './routes/enrol';
import { registerMetaRoutes } from './routes/meta';
import { registerPromptRecordingRoutes } from './routes/promptRecordings';
import { registerRequestRoutes } from './routes/requests';
import { SigningKeyring } from './certificates/signingKeyring';
import { registerConsoleRoutes } from './routes/console/registerConsole';
import { registerHeartbeatRoutes } from './routes/heartbeat';
import { registerPortalRoutes } from './routes/portal/registerPortal';
import { loadCodeSecret, portalSettings, type PortalOptions } from './portal/portalDefaults';
import { registerReplyRoutes } from './routing/replyRoutes';
import { forwardDeliverer } from './routing/forwardDelivery';
import { purgeFinishedRequests } from './service/retention';
import { DEFAULT_WARM_UP, warmUp, type WarmUpLimits } from './service/warmUp';
import { prepareDataDir } from './store/dataFiles';
import { openStore, storeConfig, type StoreConfig } from './store/openStore';
import type { Store } from './store/types';
import { closeChannels } from './messages/channels';
import { hasAnyChannel, startMessaging } from './messages/messaging';
import { channelsOf, type MessagesConfig } from './messages/messagesConfig';

export interface RateLimitSettings {
  /** Requests per window for one device (or one address when unauthenticated). */
  max: number;
  timeWindowMs: number;
  /** Enrolment attempts per window for one address: a code must not be guessable by trying. */
  enrolMax: number;
  /** Enrolment attempts per window with codes of one office (DEFAULT_ENROL_OFFICE_MAX when absent). */
  enrolOfficeMax?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { max: 300, timeWindowMs: 60_000, enrolMax: 10 };
export const DEFAULT_ENROL_OFFICE_MAX = 30;

/**
 * Which proxies may tell the server the client's address (X-Forwarded-For): none by default,
 * else addresses or CIDR ranges (and the names `loopback`, `linklocal`, `uniquelocal`). Never
 * "everyone": then any client could pick its own address and its own rate-limit bucket.
 */
export type TrustProxySetting = false | string[];

export interface Timeouts {
  /** A socket idle this long is closed: a body that stops arriving is cut. */
  connectionMs: number;
  /** A whole request (headers and body) must arrive within this. */
  requestMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectionMs: 30_000, requestMs: 60_000 };
const HEADERS_TIMEOUT_MS = 10_000;
const TIMEOUT_CHECK_INTERVAL_MS = 2_000;

/** `true` logs at info; an object picks the level (pino's levels), and optionally where lines go (a test reads them). */
export type LoggerSetting = boolean | { level: string; stream?: { write(line: string): void } };

export interface BuildServerOptions {
  store: Store;
  logger?: LoggerSetting;
  /** `false` switches the limit off (the ingest benchmark); omitted means DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitSettings | false;
  now?: () => Date;
  timeouts?: Timeouts;
  /** The certificate keys; without them the verification routes are not served (tests of other parts). */
  keyring?: SigningKeyring;
  /** The built console served at /console/; the repository's dist-console/ when omitted. */
  consoleDir?: string;
  /** The built citizens' portal served at /portal/; the repository's dist-portal/ when omitted. */
  portalDir?: string;
  trustProxy?: TrustProxySetting;
  /** The console's session lifetimes, login throttle and certificate facts; defaults for each left out. */
  console?: Partial<ConsoleSettings>;
  /** The citizens' portal: code secret, SMS and e-mail senders, public address, throttles; defaults for each left out (portalDefaults.ts). */
  portal?: PortalOptions;
}

export interface ConsoleSettings {
  sessions: SessionPolicy;
  throttle: ThrottlePolicy;
  certificates: CertificateFacts;
}

/** Kiosk pages are served from another local origin: their endpoints allow any origin, without credentials. The console is same-origin only. */

export function buildServer(options: BuildServerOptions): FastifyInstance {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const limits = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMITS.small,
    connectionTimeout: timeouts.connectionMs,
    requestTimeout: timeouts.requestMs,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy.join(',') : false,
    // Node checks request and header timeouts only every 30 s by default: a client sending its
    // headers a byte at a time could hold a connection a minute and a half. Headers get 10 s.
    http: {
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, timeouts.requestMs),
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, timeouts.requestMs),
    },
  });
  const deps = { store: options.store, now: options.now ?? (() => new Date()) };

  // Server-Timing (W3C): how long the back office held each request, from its arrival in
  // Fastify to the answer. Set beside a client's own timing, it tells the server's share of a slow
  // answer from the network's or the client's (bench:fleet reports both).
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('Server-Timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  registerStrictJson(app);
  registerAuth(app, options.store);
  const consoleDeps = {
    ...deps,
    sessions: options.console?.sessions ?? DEFAULT_SESSION_POLICY,
    throttle: options.console?.throttle ?? DEFAULT_THROTTLE,
    certificates: options.console?.certificates ?? (options.keyring ? certificateFacts(options.store) : NO_CERTIFICATES),
  };
  registerConsoleAuth(app, options.store, consoleDeps.sessions, deps.now);
  void app.register(cors, {
    delegator: (request, callback) => {
      const kiosk = (request.url ?? '').startsWith(API_PREFIX) && !(request.url ?? '').startsWith(CONSOLE_PREFIX);
      callback(null, {
        origin: kiosk ? '*' : false,
        credentials: false,
        // DELETE: the portal's withdrawal and account deletion (the portal app may be served from another origin in development).
        methods: ['GET', 'POST', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type'],
        exposedHeaders: ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
        maxAge: 600,
      });
    },
  });
  if (limits) {
    void app.register(rateLimit, {
      max: limits.max,
      timeWindow: limits.timeWindowMs,
      keyGenerator: rateLimitKey,
      // Counted by the store, so that every instance of the back office shares one allowance.
      store: sharedRateLimitStore(options.store),
      errorResponseBuilder: (_request, context) =>
        new ApiError(429, 'rate_limited', `Too many requests; retry in ${context.after}.`),
    });
  }
  // Routes are registered once the plugins are in place, so the rate limit hooks onto each of them.
  void app.after(() => {
    const enrolRateLimit = limits
      ? { perAddress: limits.enrolMax, perOffice: limits.enrolOfficeMax ?? DEFAULT_ENROL_OFFICE_MAX, timeWindowMs: limits.timeWindowMs }
      : null;
    registerEnrolRoutes(app, { ...deps, enrolRateLimit });
    registerRequestRoutes(app, deps);
    registerChangesRoutes(app, deps);
    registerCatalogueRoutes(app, deps);
    registerOfficeIdentityRoutes(app, deps);
    registerAuditRoutes(app, deps);
    registerHeartbeatRoutes(app, deps);
    registerConsoleRoutes(app, consoleDeps);
    registerMetaRoutes(app, deps);
    registerConsolePages(app, options.consoleDir);
    registerPortalPages(app, options.portalDir);
    if (options.keyring) {
      registerCertificateVerificationRoutes(app, { ...deps, keyring: options.keyring });
      registerConsoleCertificateRoutes(app, { ...consoleDeps, keyring: options.keyring });
      // Reply links are signed with the same keys: without them there is nothing to check a link against.
      registerReplyRoutes(app, { ...deps, keyring: options.keyring });
    }
    registerPromptRecordingRoutes(app, deps);
    registerPortalRoutes(app, { ...deps, portal: portalSettings(options.portal, app.log) });
  });
  return app;
}

export interface StartOptions {
  dataDir: string;
  /** The database; the SQLite file in `dataDir` when absent. */
  store?: StoreConfig;
  port: number;
  host: string;
  logger?: LoggerSetting;
  rateLimit?: RateLimitSettings | false;
  timeouts?: Timeouts;
  /** Purge finished requests' personal data after this many days, at start and every hour; off when absent. */
  retentionDays?: number;
  trustProxy?: TrustProxySetting;
  /** The portal's senders and public address; the code secret is the data folder's (portal-code-secret). */
  portal?: Omit<PortalOptions, 'codeSecret'>;
  /** Messages to citizens (docs/messages.md): the worker runs when a channel is configured; else messages wait in the outbox. */
  messages?: MessagesConfig;
  /** Where the `log` message adapter writes when the configuration names no file. */
  print?: (line: string) => void;
  /** The address bodies reach this back office at (reply links of forwarded requests); the listening address when absent. */
  publicUrl?: string;
  /**
   * Say the offices' street names with espeak-ng for their kiosks (`audio/streetVoices.ts`): on
   * in `serve` (hence `npm start`), off when absent, so tests that start a back office run no
   * synthesis they did not ask for.
   */
  streetVoices?: boolean | Omit<StreetVoicesOptions, 'store' | 'log'>;
  /**
   * Before listening, read the offices' current catalogues into the cache and run the push's
   * validation on synthetic batches (`service/warmUp.ts`, bounded): on in `serve`, off when
   * absent, so tests that start a back office pay nothing they did not ask for.
   */
  warmUp?: boolean | WarmUpLimits;
}

export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface RunningBackoffice {
  url: string;
  close(): Promise<void>;
}

export { DATABASE_FILE } from './store/openStore';

/** Opens (and migrates) the store and listens; `close()` stops accepting, drains, then closes the database. */
export async function startBackoffice(options: StartOptions): Promise<RunningBackoffice> {
  // The data folder holds key files whatever the engine: created (or tightened) 0700 either way.
  prepareDataDir(options.dataDir);
  const store = await openStore(options.store ?? storeConfig({ dataDir: options.dataDir }));
  const keyring = SigningKeyring.open(options.dataDir);
  await indexUnsearchedRequests(store);
  // The e-mail link's address: the one configured, else the one this server listens on (known below).
  let listening = '';
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  // One set of channels for the status messages and the portal's sign-in codes and links: the
  // deployment configures SMTP or its SMS gateway once, and a channel left out stays the log.
  const channels = options.messages && hasAnyChannel(options.messages) ? channelsOf(options.messages, print) : null;
  const portal = {
    publicUrl: () => listening,
    ...(channels?.sms ? { sms: channels.sms } : {}),
    ...(channels?.email ? { mail: channels.email } : {}),
    ...options.portal,
    codeSecret: loadCodeSecret(options.dataDir),
  };
  const app = buildServer({ store, keyring, logger: options.logger, rateLimit: options.rateLimit, timeouts: options.timeouts, trustProxy: options.trustProxy, portal });
  try {
    if (options.warmUp) {
      const warmed = await warmUp(store, typeof options.warmUp === 'object' ? options.warmUp : DEFAULT_WARM_UP);
      app.log.info(warmed, 'warmed up before listening');
    }
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    if (channels) await closeChannels(channels);
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  listening = `http://${host}:${port}`;
  const purging = options.retentionDays === undefined ? null : schedulePurge(app, store, options.retentionDays);
  const messaging =
    options.messages && channels
      ? startMessaging(
          store,
          options.messages,
          { print, log: { info: (line) => app.log.info(line), warn: (line) => app.log.warn(line) } },
          (shared) => ({
            // Routing's forwards (docs/routing.md): reply links point at the public URL bodies reach.
            forward: forwardDeliverer({ store, keyring, publicUrl: (options.publicUrl ?? listening).replace(/\/+$/, ''), mailer: shared.email, now: () => new Date() }),
          }),
          channels,
        )
      : null;
  const streetVoices = options.streetVoices
    ? startStreetVoices({
        store,
        log: { info: (line) => app.log.info(line), warn: (line) => app.log.warn(line) },
        ...(typeof options.streetVoices === 'object' ? options.streetVoices : {}),
      })
    : null;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      if (purging) clearInterval(purging);
      // The take in flight is stored before the database closes.
      await streetVoices?.stop();
      // The round in flight finishes and is marked before the database closes: no lease left behind.
      await messaging?.stop();
      await app.close();
      // After the routes: a sign-in in flight still had its SMTP pool.
      if (channels) await closeChannels(channels);
      await store.close();
    },
  };
}

/** The retention purge, now and every hour; a failure is logged and tried again at the next hour. */
function schedulePurge(app: FastifyInstance, store: Store, retentionDays: number): NodeJS.Timeout {
  const run = () => {
    purgeFinishedRequests(store, { retentionDays, now: new Date() }).then(
      (purged) => {
        // At warn, the default level, although expected: an operator should see personal data go.
        if (purged > 0) app.log.warn({ purged, retentionDays }, 'retention purge: personal data of finished requests emptied');
      },
      (error: unknown) => app.log.error({ err: error }, 'retention purge failed'),
    );
  };
  run();
  const timer = setInterval(run, PURGE_INTERVAL_MS);
  timer.unref();
  return timer;
}
