import type { z } from 'zod';
import type { Catalogue } from '../../../src/domain/catalogue';
import type { Locale } from '../../../src/domain/locales';
import { portalPath, PORTAL_ROUTES, type PortalRouteName } from '../../../src/domain/portal/routes';
import type { PortalSession } from '../../../src/domain/portal/login';
import type { PortalOffice } from '../../../src/domain/portal/offices';
import type { AccountResponse, MyRequest } from '../../../src/domain/portal/requests';
import { errorResponseSchema } from '../../../src/domain/syncProtocol';

/** Why a call failed, in the terms a screen explains: the network, the session, the server's code. */
export class PortalApiError extends Error {
  constructor(
    readonly reason: 'network' | 'unauthorized' | 'throttled' | 'notFound' | 'conflict' | 'invalid' | 'server',
    readonly status: number | null,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'PortalApiError';
  }
}

function reasonFor(status: number): PortalApiError['reason'] {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'throttled';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

export interface PortalApi {
  requestSmsCode(phone: string, locale: Locale): Promise<void>;
  verifySmsCode(phone: string, code: string, installationId: string | null): Promise<PortalSession>;
  requestEmailLink(email: string, locale: Locale): Promise<void>;
  verifyEmailLink(token: string, installationId: string | null): Promise<PortalSession>;
  logout(): Promise<void>;
  offices(): Promise<PortalOffice[]>;
  catalogue(officeId: string): Promise<Catalogue>;
  myRequests(): Promise<MyRequest[]>;
  account(): Promise<AccountResponse>;
  deleteAccount(): Promise<void>;
  withdraw(requestId: string): Promise<void>;
}

export interface PortalApiOptions {
  /** The back office's origin: the portal is served by it, so `location.origin`. */
  origin: string;
  /** The session's token, read at each call (a re-login takes effect at once). */
  token: () => string | null;
  fetch?: typeof globalThis.fetch;
}

/**
 * The portal's screens speak HTTP through this only, with the routes and schemas of the contract
 * (src/domain/portal/routes.ts): every answer is parsed, never trusted.
 */
export function createPortalApi({ origin, token, fetch: fetchImpl = (input, init) => globalThis.fetch(input, init) }: PortalApiOptions): PortalApi {
  async function call<N extends PortalRouteName>(
    name: N,
    options: { body?: unknown; query?: Record<string, string>; params?: Record<string, string> } = {},
  ): Promise<z.infer<(typeof PORTAL_ROUTES)[N]['answer']>> {
    const route = PORTAL_ROUTES[name];
    const url = new URL(portalPath(name, options.params), origin);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const bearer = route.auth === 'session' ? token() : null;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let response: Response;
    try {
      response = await fetchImpl(url.href, { method: route.method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), cache: 'no-store' });
    } catch (error) {
      throw new PortalApiError('network', null, null, error instanceof Error ? error.message : 'network error');
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw failure(response.status, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PortalApiError('server', response.status, null, 'answer is not JSON');
    }
    const parsed = route.answer.safeParse(json);
    if (!parsed.success) throw new PortalApiError('server', response.status, null, `unexpected answer: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data as z.infer<(typeof PORTAL_ROUTES)[N]['answer']>;
  }

  return {
    requestSmsCode: async (phone, locale) => void (await call('smsLogin', { body: { phone, locale } })),
    verifySmsCode: (phone, code, installationId) => call('smsVerify', { body: { phone, code, ...(installationId ? { installationId } : {}) } }),
    requestEmailLink: async (email, locale) => void (await call('emailLogin', { body: { email, locale } })),
    verifyEmailLink: (linkToken, installationId) => call('emailVerify', { body: { token: linkToken, ...(installationId ? { installationId } : {}) } }),
    logout: async () => void (await call('logout')),
    offices: async () => (await call('offices')).offices,
    catalogue: async (officeId) => {
      const { catalogue } = await call('catalogue', { query: { office: officeId } });
      if (!catalogue) throw new PortalApiError('server', 200, null, 'no catalogue in the answer');
      return catalogue;
    },
    myRequests: async () => (await call('myRequests')).requests,
    account: () => call('account'),
    deleteAccount: async () => void (await call('deleteAccount')),
    withdraw: async (requestId) => void (await call('withdraw', { params: { requestId } })),
  };
}

function failure(status: number, text: string): PortalApiError {
  let code: string | null = null;
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(text));
    if (parsed.success) code = parsed.data.error.code;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return new PortalApiError(reasonFor(status), status, code, `HTTP ${status}${code ? ` ${code}` : ''}`);
}
