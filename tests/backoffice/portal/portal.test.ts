import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../backoffice/src/server';
import { SigningKeyring } from '../../../backoffice/src/certificates/signingKeyring';
import { openSqliteStore } from '../../../backoffice/src/store/sqliteStore';
import { enrolCode } from '../../../backoffice/src/cli/commands';
import type { FastifyInstance } from 'fastify';
import { portalPath } from '../../../src/domain/portal/routes';
import { portalSessionSchema, type PortalSession } from '../../../src/domain/portal/login';
import { myRequestsSchema } from '../../../src/domain/portal/requests';
import { makeRequest, NOW, testCatalogue } from '../fixtures';
import { DEFAULT_PORTAL_THROTTLES, type PortalThrottles } from '../../../backoffice/src/portal/settings';

/** Messages the portal "sent": a real in-process recorder in place of the SMS gateway and SMTP. */
interface Sent {
  sms: { to: string; text: string; key: string }[];
  mail: { to: string; subject: string; text: string; key: string }[];
}

let app: FastifyInstance | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await app?.close();
  cleanup?.();
  app = undefined;
});

async function portalServer(throttles: Partial<PortalThrottles> = {}) {
  const store = openSqliteStore(':memory:');
  const clock = { now: new Date(NOW) };
  for (const id of ['north', 'south']) {
    await store.createOffice({ id, name: `Annexe ${id}`, createdAt: NOW.toISOString() });
    await store.importCatalogue(id, testCatalogue(), NOW.toISOString());
  }
  const keysDir = mkdtempSync(join(tmpdir(), 'shubbak-portal-keys-'));
  const sent: Sent = { sms: [], mail: [] };
  app = buildServer({
    store,
    keyring: SigningKeyring.open(keysDir),
    rateLimit: false,
    now: () => clock.now,
    portal: {
      sms: { send: async (message) => void sent.sms.push(message) },
      mail: { send: async (message) => void sent.mail.push(message) },
      publicUrl: 'https://annexe.example.ma',
      throttles,
    },
  });
  cleanup = () => {
    rmSync(keysDir, { recursive: true, force: true });
    store.close();
  };
  const server = app;
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, token?: string, ip = '203.0.113.7') =>
    server.inject({ method, url, remoteAddress: ip, ...(body === undefined ? {} : { payload: body as object }), headers: token ? { authorization: `Bearer ${token}` } : {} });
  const codeOf = (phone: string) => /\b(\d{6})\b/.exec(sent.sms.filter((m) => m.to === phone).at(-1)?.text ?? '')?.[1] ?? '';
  async function signIn(phone = '+212612345678', installationId?: string): Promise<PortalSession> {
    expect((await call('POST', portalPath('smsLogin'), { phone, locale: 'fr' })).statusCode).toBe(202);
    const response = await call('POST', portalPath('smsVerify'), { phone, code: codeOf(phone), ...(installationId ? { installationId } : {}) });
    expect(response.statusCode).toBe(200);
    return portalSessionSchema.parse(response.json());
  }
  return { store, clock, sent, call, codeOf, signIn, app: server };
}

describe('the portal (back office)', () => {
  it('signs in by SMS in the citizen language, with the same answer for a known and an unknown number', async () => {
    const p = await portalServer();
    const unknown = await p.call('POST', portalPath('smsLogin'), { phone: '06 12 34 56 78', locale: 'ar' });
    expect(unknown.statusCode).toBe(202);
    expect(p.sent.sms[0]).toMatchObject({ to: '+212612345678' });
    expect(p.sent.sms[0]!.text).toMatch(/^\d{6} رمز/);
    const session = await p.signIn();
    expect(session.installation.trackingPrefix).toMatch(/\d/);
    const known = await p.call('POST', portalPath('smsLogin'), { phone: '+212612345678', locale: 'zgh' });
    expect([known.statusCode, known.json()]).toEqual([unknown.statusCode, unknown.json()]);
    expect(p.sent.sms.at(-1)!.text).toMatch(/ⵛⵓⴱⴰⴽ/);
    expect((await p.call('POST', portalPath('smsLogin'), { phone: 'not a phone', locale: 'fr' })).json().error.code).toBe('invalid_phone');
    // The code is kept hashed: nothing in the database holds it.
    const code = p.codeOf('+212612345678');
    const rows = p.store.db.prepare('SELECT secret_hash FROM portal_login_codes').pluck().all() as string[];
    expect(rows.join('')).not.toContain(code);
  });

  it('signs in by e-mail link, once', async () => {
    const p = await portalServer();
    expect((await p.call('POST', portalPath('emailLogin'), { email: ' Citizen@Example.ORG ', locale: 'en' })).statusCode).toBe(202);
    const link = /https:\/\/annexe\.example\.ma\/portal\/#\/login\/([A-Za-z0-9_-]{43})/.exec(p.sent.mail[0]!.text);
    expect(link).not.toBeNull();
    const first = await p.call('POST', portalPath('emailVerify'), { token: link![1] });
    expect(first.statusCode).toBe(200);
    expect(first.json().account.email).toBe('citizen@example.org');
    expect((await p.call('POST', portalPath('emailVerify'), { token: link![1] })).json().error.code).toBe('code_invalid');
  });

  it('kills a code after 5 wrong tries, and throttles guessing per address', async () => {
    const p = await portalServer();
    const phone = '+212600000001';
    await p.call('POST', portalPath('smsLogin'), { phone, locale: 'fr' });
    const right = p.codeOf(phone);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await p.call('POST', portalPath('smsVerify'), { phone, code: wrong })).json().error.code).toBe('code_invalid');
    expect((await p.call('POST', portalPath('smsVerify'), { phone, code: right })).json().error.code).toBe('code_invalid');

    // One address trying codes across many numbers is stopped by the address's budget (30 / 15 min).
    let limited = 0;
    for (let i = 0; i < 35; i++) {
      const response = await p.call('POST', portalPath('smsVerify'), { phone: `+2126100000${String(i).padStart(2, '0')}`, code: '123456' }, undefined, '198.51.100.9');
      if (response.statusCode === 429) {
        limited++;
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(limited).toBe(5);
  });

  it('bounds the SMS sent to one number (3 per 15 minutes, 10 a day), whoever asks', async () => {
    // The counters run on real time (the store's): the same budgets over windows of 300 ms and 1 minute.
    const p = await portalServer({
      sendsPerRecipient: { ...DEFAULT_PORTAL_THROTTLES.sendsPerRecipient, windowMs: 300 },
      sendsPerRecipientPerDay: { ...DEFAULT_PORTAL_THROTTLES.sendsPerRecipientPerDay, windowMs: 60_000 },
    });
    const phone = '+212600000002';
    const statuses: number[] = [];
    let ip = 0;
    const ask = async () => (await p.call('POST', portalPath('smsLogin'), { phone, locale: 'fr' }, undefined, `192.0.2.${++ip}`)).statusCode;
    for (let i = 0; i < 5; i++) statuses.push(await ask());
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(p.sent.sms.filter((m) => m.to === phone)).toHaveLength(3);
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve, 350));
      for (let i = 0; i < 3; i++) await ask();
    }
    expect(p.sent.sms.filter((m) => m.to === phone)).toHaveLength(10);
  });

  it('takes requests like the kiosk push, stamps the portal channel whatever the body says, and lists them as mine only', async () => {
    const p = await portalServer();
    const alice = await p.signIn('+212611111111');
    const bob = await p.signIn('+212622222222');
    const prefix = alice.installation.trackingPrefix;
    const request = makeRequest(prefix, 1);
    const push = (items: unknown[], token = alice.token) => p.call('POST', portalPath('push'), { items }, token);
    const first = await push([{ officeId: 'south', request }, { officeId: 'nowhere', request: makeRequest(prefix, 2) }, { officeId: 'south', request, channel: 'kiosk' }]);
    expect(first.statusCode).toBe(200);
    expect(first.json().results).toEqual([
      { id: request.id, outcome: 'accepted' },
      { id: expect.any(String), outcome: 'invalid', errors: [{ path: 'officeId', code: 'unknownOffice' }] },
      { id: request.id, outcome: 'invalid', errors: [{ path: 'channel', code: 'unrecognized_key' }] },
    ]);
    expect((await push([{ officeId: 'south', request }])).json().results[0].outcome).toBe('duplicate');
    expect((await push([{ officeId: 'south', request: { ...request, channel: 'kiosk' } }])).json().results[0].outcome).toBe('invalid');
    expect(p.store.db.prepare('SELECT channel, office_id AS officeId FROM requests WHERE id = ?').get(request.id)).toEqual({ channel: 'portal', officeId: 'south' });
    // Another installation's prefix is not Bob's to use.
    expect((await push([{ officeId: 'south', request: makeRequest(prefix, 3) }], bob.token)).json().results[0].errors[0].code).toBe('notThisKiosksPrefix');

    const mine = myRequestsSchema.parse((await p.call('GET', portalPath('myRequests'), undefined, alice.token)).json());
    expect(mine.requests.map((r) => [r.trackingCode, r.officeId, r.status, r.withdrawable])).toEqual([[request.trackingCode, 'south', 'received', true]]);
    expect((await p.call('GET', portalPath('myRequests'), undefined, bob.token)).json().requests).toEqual([]);
    // Bob cannot withdraw Alice's request: 404, as for none.
    expect((await p.call('DELETE', portalPath('withdraw', { requestId: request.id }), undefined, bob.token)).statusCode).toBe(404);
    const withdrawn = await p.call('DELETE', portalPath('withdraw', { requestId: request.id }), undefined, alice.token);
    expect(withdrawn.json().request).toMatchObject({ status: 'refused', reasonCode: 'withdrawnByCitizen', withdrawable: false });
    expect((await p.call('DELETE', portalPath('withdraw', { requestId: request.id }), undefined, alice.token)).json().error.code).toBe('not_withdrawable');
    expect(p.store.db.prepare('SELECT body FROM requests WHERE id = ?').pluck().get(request.id)).toBe('');
  });

  it('keeps kiosk tokens and portal sessions apart, and ends sessions at logout and expiry', async () => {
    const p = await portalServer();
    const session = await p.signIn();
    const code = await enrolCode({ store: p.store, now: () => p.clock.now, print: () => undefined, defaultCatalogue: () => testCatalogue() }, 'north');
    const kiosk = (await p.call('POST', '/api/v1/enrol', { code, kioskLabel: 'Kiosk 1' })).json();
    expect((await p.call('GET', portalPath('myRequests'), undefined, kiosk.deviceToken)).json().error.code).toBe('unauthenticated');
    expect((await p.call('GET', '/api/v1/catalogue', undefined, session.token)).statusCode).toBe(401);
    expect((await p.call('POST', '/api/v1/requests/push', { items: [makeRequest(session.installation.trackingPrefix, 1)] }, session.token)).statusCode).toBe(401);

    expect((await p.call('GET', portalPath('account'), undefined, session.token)).json()).toMatchObject({ requests: 0, sessions: 1 });
    expect((await p.call('POST', portalPath('logout'), undefined, session.token)).json()).toEqual({ ok: true });
    expect((await p.call('GET', portalPath('account'), undefined, session.token)).statusCode).toBe(401);

    // Signing in again on the same installation keeps its prefix; idle for 31 days ends the session.
    const again = await p.signIn('+212612345678', session.installation.id);
    expect(again.installation.trackingPrefix).toBe(session.installation.trackingPrefix);
    p.clock.now = new Date(NOW.getTime() + 31 * 24 * 3600_000);
    expect((await p.call('GET', portalPath('account'), undefined, again.token)).statusCode).toBe(401);
  });

  it('lists offices with address and hours, serves their catalogue, and deletes an account (Law 09-08)', async () => {
    const p = await portalServer();
    const names = { ar: 'ملحقة الشمال', zgh: 'ⵜⴰⵎⵙⵙⵓⵔⵜ', fr: 'Annexe Nord', en: 'North annex' };
    await p.store.setOfficeIdentity('north', { names, logo: null, address: { ar: 'شارع 1', zgh: 'ⴰⴱⵔⵉⴷ 1', fr: 'Rue 1', en: 'Street 1' }, openingHours: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '16:30' }] }, NOW.toISOString());
    const offices = (await p.call('GET', portalPath('offices'))).json().offices;
    expect(offices.map((o: { id: string }) => o.id)).toEqual(['north', 'south']);
    expect(offices[0]).toMatchObject({ names, openingHours: [{ opens: '08:30' }] });
    expect(offices[1]).toMatchObject({ address: null, openingHours: [] });
    expect((await p.call('GET', `${portalPath('catalogue')}?office=north`)).json().catalogue.version).toBe(1);
    expect((await p.call('GET', `${portalPath('catalogue')}?office=_portal`)).statusCode).toBe(404);

    const session = await p.signIn();
    const kept = makeRequest(session.installation.trackingPrefix, 1);
    const open = makeRequest(session.installation.trackingPrefix, 2);
    await p.call('POST', portalPath('push'), { items: [{ officeId: 'north', request: kept }, { officeId: 'north', request: open }] }, session.token);
    await p.store.appendStatus({ requestId: kept.id, expected: 'received', status: 'inReview', reason: null, at: NOW.toISOString(), by: 'staff' });
    const deleted = await p.call('DELETE', portalPath('deleteAccount'), undefined, session.token);
    expect(deleted.json()).toEqual({ deleted: true, withdrawn: 1, detached: 1 });
    expect((await p.call('GET', portalPath('account'), undefined, session.token)).statusCode).toBe(401);
    expect(p.store.db.prepare('SELECT status, portal_account_id AS owner FROM requests WHERE id = ?').get(kept.id)).toEqual({ status: 'inReview', owner: null });
    expect(p.store.db.prepare('SELECT COUNT(*) FROM portal_accounts').pluck().get()).toBe(0);
    expect((await p.store.listStaffAudit({ limit: 10 })).map((e) => e.action)).toContain('portal.account.deleted');
  });
});
