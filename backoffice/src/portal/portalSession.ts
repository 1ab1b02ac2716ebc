import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken } from '../http/auth';
import { ApiError } from '../service/apiError';
import { hashSecret } from '../service/secrets';
import type { Store } from '../store/types';
import type { PortalLifetimes } from './settings';

/** The citizen behind a portal call (set by requirePortalSession). */
export interface PortalCaller {
  accountId: string;
  installationId: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    portalCaller: PortalCaller | null;
  }
}

const UNAUTHENTICATED = new ApiError(401, 'unauthenticated', 'Sign in to the portal again.');

/** The idle expiry is written at most this often: a citizen's calls do not each cost a write. */
const TOUCH_STEP_MS = 60 * 60 * 1000;

/** When a session signed in at `now` ends, idle and whatever happens. */
export function sessionExpiries(now: Date, lifetimes: PortalLifetimes): { idleExpiresAt: string; absoluteExpiresAt: string } {
  const absolute = now.getTime() + lifetimes.sessionAbsoluteMs;
  return {
    idleExpiresAt: new Date(Math.min(now.getTime() + lifetimes.sessionIdleMs, absolute)).toISOString(),
    absoluteExpiresAt: new Date(absolute).toISOString(),
  };
}

/**
 * An `onRequest` hook for the portal's session routes: the Bearer token must be a live portal
 * session (never a kiosk's device token, which lives in another table and is unknown here).
 * Checked before the body is read, so a stranger's body is never parsed.
 */
export function portalSessionHook(store: Store, lifetimes: PortalLifetimes, now: () => Date) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw UNAUTHENTICATED;
    const tokenHash = hashSecret(token);
    const session = await store.getPortalSession(tokenHash);
    const at = now();
    const iso = at.toISOString();
    if (!session || session.revokedAt !== null || session.idleExpiresAt <= iso || session.absoluteExpiresAt <= iso) throw UNAUTHENTICATED;
    const nextIdle = new Date(Math.min(at.getTime() + lifetimes.sessionIdleMs, Date.parse(session.absoluteExpiresAt)));
    if (nextIdle.getTime() - Date.parse(session.idleExpiresAt) >= TOUCH_STEP_MS) await store.touchPortalSession(tokenHash, nextIdle.toISOString(), iso);
    request.portalCaller = { accountId: session.accountId, installationId: session.installationId, tokenHash };
  };
}

export function registerPortalCaller(app: FastifyInstance): void {
  app.decorateRequest('portalCaller', null);
}

/** The caller of a session route (the hook ran, so it is there). */
export function portalCallerOf(request: FastifyRequest): PortalCaller {
  if (!request.portalCaller) throw UNAUTHENTICATED;
  return request.portalCaller;
}
