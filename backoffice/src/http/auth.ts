import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashSecret } from '../service/secrets';
import type { Principal, Store } from '../store/types';
import { ApiError } from '../service/apiError';

/** Who may call a route: a kiosk (device token), a signed-in staff member (console session, see consoleAuth.ts) or anyone. */
export type Access = 'device' | 'console' | 'public';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

export function bearerToken(header: string | undefined): string | null {
  return header ? (BEARER.exec(header)?.[1] ?? null) : null;
}

/** The device making a device-only request (set by the access check, so always present there). */
export function deviceOf(request: FastifyRequest): { deviceId: string; officeId: string; lastKioskSeq: number } {
  const principal = request.principal;
  if (principal?.kind !== 'device') throw new ApiError(403, 'forbidden', 'This endpoint is for enrolled kiosks.');
  return principal;
}

/**
 * 401 means "this token does not let you in" (none, unknown, revoked: re-enrol or get a new
 * token); 403 means "you are known, but not allowed here" (a kiosk of a closed office). The check runs before the body is read, so a stranger's body is
 * never parsed.
 */
function checkAccess(access: Access, principal: Principal | null): void {
  // Console routes are checked by their session (consoleAuth.ts), not by a bearer token.
  if (access === 'public' || access === 'console') return;
  if (!principal) throw new ApiError(401, 'unauthorized', 'A valid bearer token is required.');
  if (principal.revoked) throw new ApiError(401, 'token_revoked', 'This token has been revoked.');
  if (principal.officeRevoked) {
    throw new ApiError(403, 'office_revoked', "This kiosk's office is no longer served.");
  }
}

export function registerAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('principal', null);
  // Resolved first, so that the rate limit (an onRequest hook of each route) can key on the device.
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request.headers.authorization);
    request.principal = token ? await store.findPrincipal(hashSecret(token)) : null;
  });
  // Routes of plugins (the CORS preflight) declare no access and are public.
  app.addHook('preParsing', async (request) => {
    checkAccess(request.routeOptions.config.access ?? 'public', request.principal);
  });
}

/**
 * Rate-limit key: the device when its token is still good, or the signed-in staff member, else the
 * client address (`request.ip`, which honours the trusted-proxy setting). A revoked token earns no
 * bucket of its own: it is counted with its address, like any stranger.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal && !principal.revoked && !principal.officeRevoked) return `device:${principal.deviceId}`;
  if (request.consoleSession) return `staff:${request.consoleSession.account.id}`;
  return addressKey(request);
}

/** The client address as the rate limit counts it. */
export function addressKey(request: FastifyRequest): string {
  return `ip:${request.ip}`;
}
