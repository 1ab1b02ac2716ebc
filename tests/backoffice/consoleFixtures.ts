import type { LightMyRequestResponse } from 'fastify';
import { createStaffAccount } from '../../backoffice/src/service/staffAccounts';
import type { StaffRole } from '../../src/domain/console/roles';
import { CONSOLE_ROUTES, consolePath, type ConsoleRouteName } from '../../src/domain/console/routes';
import { CSRF_HEADER, SESSION_COOKIE, meResponseSchema } from '../../src/domain/console/session';
import type { CitizenRequest } from '../../src/domain/request';
import type { EnrolResponse } from '../../src/domain/syncProtocol';
import { makeRequest, type Harness } from './fixtures';

export const PASSWORD = 'correct horse battery';

/** A signed-in console user: the cookie's token and the CSRF token, as a browser would hold them. */
export interface StaffSessionHandle {
  staffId: string;
  login: string;
  cookie: string;
  csrf: string;
}

/** The session token from a Set-Cookie answer. */
export function cookieFrom(response: LightMyRequestResponse): string {
  const header = [response.headers['set-cookie']].flat().find((c) => c?.startsWith(`${SESSION_COOKIE}=`));
  if (!header) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return header.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
}

/** Creates an account with a role in the office, activates it through the API and returns its session. */
export async function staffSession(h: Harness, officeId: string, role: StaffRole, name = `${role} of ${officeId}`): Promise<StaffSessionHandle> {
  const created = await createStaffAccount(h.store, { officeId, role, name }, h.clock.now);
  const response = await h.app.inject({ method: 'POST', url: CONSOLE_ROUTES.activate.path, payload: { code: created.code, password: PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`activation failed: ${response.body}`);
  const me = meResponseSchema.parse(response.json());
  return { staffId: me.staff.id, login: me.staff.login, cookie: cookieFrom(response), csrf: me.csrfToken };
}

function headers(session: StaffSessionHandle | null, csrf = true): Record<string, string> {
  if (!session) return {};
  return { cookie: `${SESSION_COOKIE}=${session.cookie}`, ...(csrf ? { [CSRF_HEADER]: session.csrf } : {}) };
}

export function consoleGet(h: Harness, session: StaffSessionHandle | null, url: string) {
  return h.app.inject({ method: 'GET', url, headers: headers(session) });
}

export function consolePost(h: Harness, session: StaffSessionHandle | null, url: string, body: unknown = {}, options: { csrf?: boolean } = {}) {
  return h.app.inject({ method: 'POST', url, payload: body as object, headers: headers(session, options.csrf ?? true) });
}

/** Calls a console route by name, GET or POST as the table says. */
export function callRoute(h: Harness, session: StaffSessionHandle | null, name: ConsoleRouteName, params: Record<string, string>, body: unknown = {}, query = '') {
  const url = consolePath(name, params) + query;
  return CONSOLE_ROUTES[name].method === 'GET' ? consoleGet(h, session, url) : consolePost(h, session, url, body);
}

/** Pushes requests from the kiosk and returns them as pushed. */
export async function pushFrom(h: Harness, kiosk: EnrolResponse, requests: CitizenRequest[]): Promise<CitizenRequest[]> {
  const response = await h.post('/api/v1/requests/push', { items: requests }, kiosk.deviceToken);
  const outcomes = (response.json() as { results: Array<{ outcome: string }> }).results.map((r) => r.outcome);
  if (outcomes.some((o) => o !== 'accepted')) throw new Error(`push failed: ${response.body}`);
  return requests;
}

export async function pushOne(h: Harness, kiosk: EnrolResponse, seq: number, overrides: Partial<CitizenRequest> = {}): Promise<CitizenRequest> {
  const [request] = await pushFrom(h, kiosk, [makeRequest(kiosk.trackingPrefix, seq, overrides)]);
  return request!;
}
