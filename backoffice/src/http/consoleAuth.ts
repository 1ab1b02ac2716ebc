import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_PREFIX } from '../../../src/domain/console/routes';
import { roleAtLeast, type StaffRole } from '../../../src/domain/console/roles';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/domain/console/session';
import { ApiError } from '../service/apiError';
import { resumeSession, type ActiveSession, type SessionPolicy } from '../service/staffSessions';
import type { Store } from '../store/types';
import { parseCookies, sessionCookie } from './cookies';

/** A console request's signed-in staff member and, under `/offices/:officeId`, their role there. */
export interface ConsoleCaller extends ActiveSession {
  office: { officeId: string; officeName: string; role: StaffRole } | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession: ActiveSession | null;
    consoleCaller: ConsoleCaller | null;
  }
}

/** The event feed is polled (or streamed) by the page itself: it proves no one is at the desk. */
const BACKGROUND_PATH = /\/events(\/stream)?$/;

/** The cookie lives only under the console API: the kiosk's endpoints never see it. */
export const SESSION_COOKIE_PATH = CONSOLE_PREFIX;

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeMs: number): void {
  void reply.header(
    'set-cookie',
    sessionCookie(SESSION_COOKIE, token, { path: SESSION_COOKIE_PATH, maxAge: maxAgeMs / 1000, secure: request.protocol === 'https' }),
  );
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', sessionCookie(SESSION_COOKIE, '', { path: SESSION_COOKIE_PATH, maxAge: 0, secure: request.protocol === 'https' }));
}

export function sessionToken(request: FastifyRequest): string | null {
  const token = parseCookies(request.headers.cookie)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The caller of a `console` route (always set there, by the access check). */
export function callerOf(request: FastifyRequest): ConsoleCaller {
  const caller = request.consoleCaller;
  if (!caller) throw new ApiError(401, 'unauthenticated', 'Sign in to the console.');
  return caller;
}

/** The caller's office and role, for a route under `/offices/:officeId`. */
export function officeOf(request: FastifyRequest): { caller: ConsoleCaller; officeId: string; role: StaffRole } {
  const caller = callerOf(request);
  if (!caller.office) throw new ApiError(404, 'not_found', 'Nothing here.');
  return { caller, officeId: caller.office.officeId, role: caller.office.role };
}

/** 403 within the caller's own office: they know the office exists, their role does not reach this. */
export function requireRole(role: StaffRole, needed: StaffRole): void {
  if (!roleAtLeast(role, needed)) throw new ApiError(403, 'role_forbidden', `This needs the ${needed} role in this office.`);
}

/**
 * Console access: the session cookie (401 `unauthenticated` when absent, expired or revoked),
 * the CSRF header on every state change (403 `csrf_failed`), and, under `/offices/:officeId`,
 * a role in that office; without one, 404, so nobody learns that another office exists.
 */
export function registerConsoleAuth(app: FastifyInstance, store: Store, policy: SessionPolicy, now: () => Date): void {
  app.decorateRequest('consoleSession', null);
  app.decorateRequest('consoleCaller', null);
  // In onRequest, so that the rate limit can key on the staff member rather than the office's shared address.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith(CONSOLE_PREFIX)) return;
    const token = sessionToken(request);
    const extend = !BACKGROUND_PATH.test(request.url.split('?')[0] ?? '');
    request.consoleSession = token ? await resumeSession(store, token, policy, now(), { extend }) : null;
  });
  app.addHook('preParsing', async (request) => {
    if (request.routeOptions.config.access !== 'console') return;
    const session = request.consoleSession;
    if (!session) throw new ApiError(401, 'unauthenticated', 'Sign in to the console (no session, or it has ended).');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.session.csrfToken)) {
        throw new ApiError(403, 'csrf_failed', `A state change needs the session's ${CSRF_HEADER} header.`);
      }
    }
    const officeId = (request.params as Record<string, string | undefined>).officeId;
    const role = officeId === undefined ? undefined : session.roles.find((r) => r.officeId === officeId);
    if (officeId !== undefined && !role) throw new ApiError(404, 'not_found', 'Nothing here.');
    request.consoleCaller = { ...session, office: role ?? null };
  });
}
