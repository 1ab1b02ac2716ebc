import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PORTAL_ROUTES, type PortalRouteName } from '../../../../src/domain/portal/routes';
import { addressKey } from '../../http/auth';
import { parseOr400, parseOr404 } from '../../http/validate';
import { ApiError } from '../../service/apiError';
import { deleteAccount, myRequests, portalOffices, pushPortalRequests, withdrawRequest } from '../../portal/portalRequests';
import { portalCallerOf, portalSessionHook, registerPortalCaller } from '../../portal/portalSession';
import type { PortalSettings } from '../../portal/settings';
import { startEmailSignIn, startSmsSignIn, ThrottledError, verifyEmailSignIn, verifySmsSignIn, type SignInContext } from '../../portal/signIn';
import { BODY_LIMITS, type RouteDeps } from '../deps';

export type PortalDeps = RouteDeps & { portal: PortalSettings };

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

const requestIdSchema = z.strictObject({ requestId: z.uuid() });

/**
 * Every portal route, registered from the contract's table (src/domain/portal/routes.ts): its
 * method, path, status, body schema and answer schema; `auth: 'session'` routes get the session
 * hook. Kiosk access rules do not apply (`access: 'public'` for the device check): the portal
 * has its own bearer sessions, and a device token is unknown to them.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: PortalDeps): void {
  registerPortalCaller(app);
  const session = portalSessionHook(deps.store, deps.portal.lifetimes, deps.now);
  const signInContext = (request: FastifyRequest): SignInContext => ({
    store: deps.store,
    settings: deps.portal,
    now: deps.now(),
    address: addressKey(request),
    log: (details, message) => request.log.info(details, message),
  });
  const context = (request: FastifyRequest) => ({ store: deps.store, now: deps.now(), log: (details: Record<string, unknown>, message: string) => request.log.warn(details, message) });

  const handlers: Record<PortalRouteName, Handler> = {
    smsLogin: async (request) => startSmsSignIn(signInContext(request), parseOr400(PORTAL_ROUTES.smsLogin.body, request.body)),
    smsVerify: async (request) => verifySmsSignIn(signInContext(request), parseOr400(PORTAL_ROUTES.smsVerify.body, request.body)),
    emailLogin: async (request) => startEmailSignIn(signInContext(request), parseOr400(PORTAL_ROUTES.emailLogin.body, request.body)),
    emailVerify: async (request) => verifyEmailSignIn(signInContext(request), parseOr400(PORTAL_ROUTES.emailVerify.body, request.body)),
    logout: async (request) => {
      await deps.store.revokePortalSession(portalCallerOf(request).tokenHash, deps.now().toISOString());
      return { ok: true };
    },
    offices: async (request) => {
      parseOr400(PORTAL_ROUTES.offices.query, request.query, 'invalid_query');
      return { offices: await portalOffices(deps.store) };
    },
    catalogue: async (request) => {
      const query = parseOr400(PORTAL_ROUTES.catalogue.query, request.query, 'invalid_query');
      const served = await deps.store.listServedOffices();
      if (!served.some((office) => office.id === query.office)) throw new ApiError(404, 'not_found', 'No such office.');
      const catalogue = await deps.store.getCatalogue(query.office);
      const newer = catalogue !== null && (query.since === undefined || catalogue.version > Number(query.since));
      return { catalogue: newer ? catalogue : null };
    },
    push: async (request) => {
      const body = parseOr400(PORTAL_ROUTES.push.body, request.body);
      return { results: await pushPortalRequests(context(request), portalCallerOf(request), body.items) };
    },
    myRequests: async (request) => ({ requests: await myRequests(deps.store, portalCallerOf(request)) }),
    withdraw: async (request) => {
      const { requestId } = parseOr404(requestIdSchema, request.params);
      return { request: await withdrawRequest(context(request), portalCallerOf(request).accountId, requestId) };
    },
    account: async (request) => {
      const found = await deps.store.getPortalAccount(portalCallerOf(request).accountId, deps.now().toISOString());
      if (!found) throw new ApiError(401, 'unauthenticated', 'Sign in to the portal again.');
      const { account, requests, sessions } = found;
      return { account: { id: account.id, phone: account.phone, email: account.email, createdAt: account.createdAt }, requests, sessions };
    },
    deleteAccount: async (request) => {
      const caller = portalCallerOf(request);
      const result = await deleteAccount(context(request), caller);
      request.log.warn({ accountId: caller.accountId, ...result }, 'portal account deleted at the citizen’s request');
      return result;
    },
  };

  for (const [name, route] of Object.entries(PORTAL_ROUTES) as [PortalRouteName, (typeof PORTAL_ROUTES)[PortalRouteName]][]) {
    const handler = handlers[name];
    app.route({
      method: route.method,
      url: route.path,
      bodyLimit: name === 'push' ? BODY_LIMITS.push : BODY_LIMITS.small,
      config: { access: 'public' },
      ...(route.auth === 'session' ? { onRequest: session } : {}),
      handler: async (request, reply) => {
        try {
          // Every answer is parsed with the contract's schema on the way out: the app may trust its shape.
          const answer = route.answer.parse(await handler(request, reply));
          return await reply.status(route.status).send(answer);
        } catch (error) {
          if (error instanceof ThrottledError) void reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        }
      },
    });
  }
}
