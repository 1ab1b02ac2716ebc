import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_ROUTES } from '../../../../src/domain/console/routes';
import { activateRequestSchema, loginRequestSchema, type MeResponse } from '../../../../src/domain/console/session';
import { callerOf, clearSessionCookie, setSessionCookie } from '../../http/consoleAuth';
import { parseOr400 } from '../../http/validate';
import { ApiError } from '../../service/apiError';
import { accountKey, addressKey, lockedUntil, recordFailure } from '../../service/loginThrottle';
import { hashPassword, verifyPassword } from '../../service/passwords';
import { hashSecret } from '../../service/secrets';
import { openSession, type ActiveSession } from '../../service/staffSessions';
import type { StaffAccount } from '../../store/staffTypes';
import { BODY_LIMITS } from '../deps';
import type { ConsoleDeps } from './deps';

function meOf(active: ActiveSession): MeResponse {
  return {
    staff: { id: active.account.id, name: active.account.name, login: active.account.login },
    offices: active.roles,
    csrfToken: active.session.csrfToken,
    idleExpiresAt: active.session.idleExpiresAt,
    absoluteExpiresAt: active.session.absoluteExpiresAt,
  };
}

function lockedOut(reply: FastifyReply, until: Date, now: Date): ApiError {
  void reply.header('retry-after', String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))));
  return new ApiError(429, 'locked_out', 'Too many failed sign-ins: wait before trying again, or ask an admin.');
}

const INVALID = () => new ApiError(401, 'invalid_credentials', 'Wrong login or password.');

/** Sign-in, activation, sign-out and "who am I". Passwords, codes and tokens never reach the log. */
export function registerConsoleSessionRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const { store } = deps;

  async function startSession(request: FastifyRequest, reply: FastifyReply, account: StaffAccount, action: 'login' | 'activate'): Promise<MeResponse> {
    const now = deps.now();
    const roles = await store.activeRoles(account.id);
    if (roles.length === 0) throw INVALID();
    const { token, session } = await openSession(store, account.id, deps.sessions, now);
    await store.recordLogin(account.id, now.toISOString());
    await store.appendStaffAudit({ at: now.toISOString(), staffId: account.id, officeId: null, action, requestId: null, detail: `from ${request.ip}` });
    setSessionCookie(request, reply, token, deps.sessions.absoluteMs);
    return meOf({ session, account, roles });
  }

  app.post(CONSOLE_ROUTES.login.path, { bodyLimit: BODY_LIMITS.small, config: { access: 'public' } }, async (request, reply) => {
    const body = parseOr400(loginRequestSchema, request.body);
    const now = deps.now();
    // Keyed by the login typed, known or not: a lock then says nothing about whether the account exists.
    const keys = { account: accountKey(body.login), address: addressKey(request.ip) };
    for (const key of [keys.address, keys.account]) {
      const until = await lockedUntil(store, key, now);
      if (until) throw lockedOut(reply, until, now);
    }
    const account = await store.findStaffByLogin(body.login);
    const usable = account && account.revokedAt === null ? account : null;
    const ok = await verifyPassword(usable?.passwordHash ?? null, body.password);
    if (!ok || !usable) {
      await recordFailure(store, keys.account, deps.throttle.accountMaxFailures, deps.throttle, now);
      await recordFailure(store, keys.address, deps.throttle.addressMaxFailures, deps.throttle, now);
      await store.appendStaffAudit({
        at: now.toISOString(),
        staffId: account?.id ?? null,
        officeId: null,
        action: 'loginFailed',
        requestId: null,
        detail: `from ${request.ip}`,
      });
      throw INVALID();
    }
    await store.clearThrottle(keys.account);
    return startSession(request, reply, usable, 'login');
  });

  app.post(CONSOLE_ROUTES.activate.path, { bodyLimit: BODY_LIMITS.small, config: { access: 'public' } }, async (request, reply) => {
    const body = parseOr400(activateRequestSchema, request.body);
    const now = deps.now();
    const address = addressKey(request.ip);
    const until = await lockedUntil(store, address, now);
    if (until) throw lockedOut(reply, until, now);
    const account = await store.findStaffByActivation(hashSecret(body.code), now.toISOString());
    if (!account) {
      await recordFailure(store, address, deps.throttle.addressMaxFailures, deps.throttle, now);
      throw new ApiError(400, 'activation_invalid', 'This activation code is unknown, used or expired; ask an admin for a new one.');
    }
    await store.setStaffPassword({ staffId: account.id, passwordHash: await hashPassword(body.password), at: now.toISOString() });
    await store.clearThrottle(accountKey(account.login));
    return startSession(request, reply, account, 'activate');
  });

  app.post(CONSOLE_ROUTES.logout.path, { bodyLimit: BODY_LIMITS.small, config: { access: 'console' } }, async (request, reply) => {
    const caller = callerOf(request);
    const at = deps.now().toISOString();
    await store.revokeSession(caller.session.tokenHash, at);
    await store.appendStaffAudit({ at, staffId: caller.account.id, officeId: null, action: 'logout', requestId: null, detail: '' });
    clearSessionCookie(request, reply);
    return { ok: true as const };
  });

  app.get(CONSOLE_ROUTES.me.path, { config: { access: 'console' } }, async (request) => meOf(callerOf(request)));
}
