import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetPassword, revokeStaff } from '../../backoffice/src/cli/commands';
import { sessionCookie } from '../../backoffice/src/http/cookies';
import { buildServer } from '../../backoffice/src/server';
import { createStaffAccount } from '../../backoffice/src/service/staffAccounts';
import { DEFAULT_SESSION_POLICY } from '../../backoffice/src/service/staffSessions';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { CONSOLE_ROUTES, consolePath } from '../../src/domain/console/routes';
import { SESSION_COOKIE } from '../../src/domain/console/session';
import { consoleGet, consolePost, cookieFrom, PASSWORD, staffSession } from './consoleFixtures';
import { harness, NOW, testCatalogue, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

const login = (body: unknown, ip = '10.0.0.1') =>
  h.app.inject({ method: 'POST', url: CONSOLE_ROUTES.login.path, payload: body as object, remoteAddress: ip });
const minutes = (n: number) => new Date(h.clock.now.getTime() + n * 60_000);

describe('console sign-in', () => {
  it('activates an account once, then signs in with the chosen password', async () => {
    h = await harness();
    const created = await createStaffAccount(h.store, { officeId: 'north', role: 'agent', name: 'Amina El Idrissi' }, h.clock.now);
    const activate = (password: string) => h.app.inject({ method: 'POST', url: CONSOLE_ROUTES.activate.path, payload: { code: created.code, password } });
    expect((await activate('short')).json().error.code).toBe('invalid_body');
    const first = await activate(PASSWORD);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ staff: { login: 'amina.el.idrissi' }, offices: [{ officeId: 'north', role: 'agent' }] });
    expect((await activate(PASSWORD)).json().error.code).toBe('activation_invalid');
    const hash = h.store.db.prepare('SELECT password_hash FROM staff_accounts').pluck().get() as string;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    expect((await login({ login: 'amina.el.idrissi', password: 'wrong password' })).statusCode).toBe(401);
    const ok = await login({ login: ' Amina.El.Idrissi ', password: PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('sets the session cookie httpOnly, SameSite=Strict, on the console path, and Secure only over TLS', async () => {
    h = await harness();
    await staffSession(h, 'north', 'agent', 'Said');
    const plain = await login({ login: 'said', password: PASSWORD });
    const cookie = String(plain.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/api/v1/console; Max-Age=43200; HttpOnly; SameSite=Strict$`));
    const tls = await h.app.inject({
      method: 'POST',
      url: CONSOLE_ROUTES.login.path,
      payload: { login: 'said', password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    // Without trustProxy a forwarded header proves nothing: the cookie follows the real connection.
    expect(String(tls.headers['set-cookie'])).not.toContain('Secure');
    expect(sessionCookie(SESSION_COOKIE, 'token', { path: '/api/v1/console', maxAge: 60, secure: true })).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('keeps only hashes of the session token and the activation code', async () => {
    h = await harness();
    const created = await createStaffAccount(h.store, { officeId: 'north', role: 'agent', name: 'Said' }, h.clock.now);
    const response = await h.app.inject({ method: 'POST', url: CONSOLE_ROUTES.activate.path, payload: { code: created.code, password: PASSWORD } });
    const token = cookieFrom(response);
    const everything = JSON.stringify([h.store.db.prepare('SELECT * FROM staff_accounts').all(), h.store.db.prepare('SELECT * FROM staff_sessions').all()]);
    for (const secret of [token, created.code, PASSWORD]) expect(everything).not.toContain(secret);
  });

  it('answers me, and signs out for good', async () => {
    h = await harness();
    const session = await staffSession(h, 'north', 'agent');
    expect((await consoleGet(h, session, CONSOLE_ROUTES.me.path)).json().staff.id).toBe(session.staffId);
    expect((await consoleGet(h, null, CONSOLE_ROUTES.me.path)).json().error.code).toBe('unauthenticated');
    const out = await consolePost(h, session, CONSOLE_ROUTES.logout.path);
    expect(out.statusCode, out.body).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await consoleGet(h, session, CONSOLE_ROUTES.me.path)).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses every state change without the session CSRF header, or with another session\'s', async () => {
    h = await harness();
    const agent = await staffSession(h, 'north', 'admin');
    const other = await staffSession(h, 'north', 'agent');
    const url = consolePath('enrolmentCode', { officeId: 'north' });
    const none = await consolePost(h, agent, url, {}, { csrf: false });
    expect([none.statusCode, none.json().error.code]).toEqual([403, 'csrf_failed']);
    const wrong = await h.app.inject({ method: 'POST', url, payload: {}, headers: { cookie: `${SESSION_COOKIE}=${agent.cookie}`, 'x-csrf-token': other.csrf } });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'csrf_failed']);
    expect((await h.store.stats()).devices).toBe(0);
    const logout = await consolePost(h, agent, CONSOLE_ROUTES.logout.path, {}, { csrf: false });
    expect(logout.statusCode).toBe(403);
    expect((await consolePost(h, agent, url)).statusCode).toBe(200);
  });
});

describe('session expiry and revocation', () => {
  it('ends a session idle for longer than the idle limit', async () => {
    h = await harness();
    const session = await staffSession(h, 'north', 'agent');
    h.clock.now = minutes(DEFAULT_SESSION_POLICY.idleMs / 60_000 - 1);
    expect((await consoleGet(h, session, CONSOLE_ROUTES.me.path)).statusCode).toBe(200);
    h.clock.now = minutes(DEFAULT_SESSION_POLICY.idleMs / 60_000 - 1);
    expect((await consoleGet(h, session, CONSOLE_ROUTES.me.path)).statusCode).toBe(200);
    h.clock.now = minutes(DEFAULT_SESSION_POLICY.idleMs / 60_000 + 1);
    expect((await consoleGet(h, session, CONSOLE_ROUTES.me.path)).json().error.code).toBe('unauthenticated');
  });

  it('is not kept alive by the page polling its event feed on an unattended PC', async () => {
    h = await harness();
    const session = await staffSession(h, 'north', 'agent');
    const events = consolePath('events', { officeId: 'north' });
    for (let minute = 5; minute <= 25; minute += 5) {
      h.clock.now = minutes(5);
      expect((await consoleGet(h, session, events)).statusCode).toBe(200);
    }
    h.clock.now = minutes(6);
    expect((await consoleGet(h, session, events)).json().error.code).toBe('unauthenticated');
  });

  it('ends an active session at its absolute limit', async () => {
    h = await harness();
    const session = await staffSession(h, 'north', 'agent');
    const end = h.clock.now.getTime() + DEFAULT_SESSION_POLICY.absoluteMs;
    for (;;) {
      h.clock.now = minutes(20);
      const response = await consoleGet(h, session, CONSOLE_ROUTES.me.path);
      if (h.clock.now.getTime() < end) expect(response.statusCode).toBe(200);
      else {
        expect(response.statusCode).toBe(401);
        break;
      }
    }
  });

  it('ends every session of a person revoked, reset or removed from their only office', async () => {
    h = await harness();
    const admin = await staffSession(h, 'north', 'admin');
    const revoked = await staffSession(h, 'north', 'agent', 'Revoked');
    const reset = await staffSession(h, 'north', 'agent', 'Reset');
    const removed = await staffSession(h, 'north', 'agent', 'Removed');
    await revokeStaff(h.context, revoked.login);
    await resetPassword(h.context, reset.login);
    const remove = await consolePost(h, admin, consolePath('staffRevoke', { officeId: 'north', staffId: removed.staffId }));
    expect(remove.statusCode, remove.body).toBe(200);
    for (const session of [revoked, reset, removed]) {
      expect((await consoleGet(h, session, CONSOLE_ROUTES.me.path)).statusCode).toBe(401);
    }
    expect((await login({ login: reset.login, password: PASSWORD })).statusCode).toBe(401);
    expect((await consoleGet(h, admin, CONSOLE_ROUTES.me.path)).statusCode).toBe(200);
  });

  it('lets an admin reset a password: the new code activates, the old password no longer works', async () => {
    h = await harness();
    const admin = await staffSession(h, 'north', 'admin');
    const agent = await staffSession(h, 'north', 'agent', 'Said');
    const reset = await consolePost(h, admin, consolePath('staffResetPassword', { officeId: 'north', staffId: agent.staffId }));
    expect(reset.json().staff.state).toBe('pendingActivation');
    const code = reset.json().activationCode as string;
    const again = await h.app.inject({ method: 'POST', url: CONSOLE_ROUTES.activate.path, payload: { code, password: 'a new long password' } });
    expect(again.statusCode).toBe(200);
    expect((await login({ login: agent.login, password: PASSWORD })).statusCode).toBe(401);
    expect((await login({ login: agent.login, password: 'a new long password' })).statusCode).toBe(200);
  });
});

describe('login lockout', () => {
  it('locks an account after 5 failures, even for the right password, and says when to retry', async () => {
    h = await harness();
    const agent = await staffSession(h, 'north', 'agent', 'Said');
    for (let i = 0; i < 5; i++) expect((await login({ login: agent.login, password: `wrong ${i}` })).statusCode).toBe(401);
    const locked = await login({ login: agent.login, password: PASSWORD }, '10.0.0.9');
    expect([locked.statusCode, locked.json().error.code]).toEqual([429, 'locked_out']);
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    h.clock.now = minutes(16);
    expect((await login({ login: agent.login, password: PASSWORD })).statusCode).toBe(200);
  });

  it('locks an unknown login the same way, so a lock tells nothing about who exists', async () => {
    h = await harness();
    for (let i = 0; i < 5; i++) await login({ login: 'nobody', password: 'guess' });
    expect((await login({ login: 'nobody', password: 'guess' })).statusCode).toBe(429);
  });

  it('locks an address trying many logins', async () => {
    h = await harness();
    await staffSession(h, 'north', 'agent', 'Said');
    for (let i = 0; i < 20; i++) await login({ login: `user${i}`, password: 'guess' }, '10.6.6.6');
    expect((await login({ login: 'said', password: PASSWORD }, '10.6.6.6')).statusCode).toBe(429);
    expect((await login({ login: 'said', password: PASSWORD }, '10.0.0.2')).statusCode).toBe(200);
  });

  it('keeps the lock across a restart of the back office', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shubbak-lockout-'));
    try {
      const file = join(dir, 'backoffice.sqlite');
      const clock = { now: new Date(NOW) };
      const boot = async () => {
        const store = openSqliteStore(file);
        return { store, app: buildServer({ store, rateLimit: false, now: () => clock.now }) };
      };
      const first = await boot();
      await first.store.createOffice({ id: 'north', name: 'North', createdAt: NOW.toISOString() });
      await first.store.importCatalogue('north', testCatalogue(), NOW.toISOString());
      const created = await createStaffAccount(first.store, { officeId: 'north', role: 'agent', name: 'Said' }, clock.now);
      await first.app.inject({ method: 'POST', url: CONSOLE_ROUTES.activate.path, payload: { code: created.code, password: PASSWORD } });
      const attempt = (app: typeof first.app, password: string) =>
        app.inject({ method: 'POST', url: CONSOLE_ROUTES.login.path, payload: { login: 'said', password } });
      for (let i = 0; i < 5; i++) await attempt(first.app, 'wrong');
      await first.app.close();
      first.store.close();

      const second = await boot();
      expect((await attempt(second.app, PASSWORD)).statusCode).toBe(429);
      await second.app.close();
      second.store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('logs', () => {
  it('never carry a password, an activation code, a session token or a CSRF token, even at trace level', async () => {
    const lines: string[] = [];
    const store = openSqliteStore(':memory:');
    await store.createOffice({ id: 'north', name: 'North', createdAt: NOW.toISOString() });
    const app = buildServer({ store, rateLimit: false, now: () => NOW, logger: { level: 'trace', stream: { write: (line) => lines.push(line) } } });
    try {
      const created = await createStaffAccount(store, { officeId: 'north', role: 'admin', name: 'Said' }, NOW);
      const activated = await app.inject({ method: 'POST', url: CONSOLE_ROUTES.activate.path, payload: { code: created.code, password: PASSWORD } });
      const token = cookieFrom(activated);
      const csrf = activated.json().csrfToken as string;
      await app.inject({ method: 'POST', url: CONSOLE_ROUTES.login.path, payload: { login: 'said', password: 'a wrong secret password' } });
      const headers = { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrf };
      const reset = await app.inject({ method: 'POST', url: consolePath('staffCreate', { officeId: 'north' }), payload: { name: 'Amina', role: 'agent' }, headers });
      await app.inject({ method: 'GET', url: CONSOLE_ROUTES.me.path, headers });
      await app.inject({ method: 'POST', url: CONSOLE_ROUTES.logout.path, headers });
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(5);
      for (const secret of [PASSWORD, 'a wrong secret password', created.code, token, csrf, reset.json().activationCode as string]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
      store.close();
    }
  });
});
