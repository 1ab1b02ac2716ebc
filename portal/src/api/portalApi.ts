import type { z } from 'zod';
import type { Locale } from '../../../src/domain/locales';
import { errorResponseSchema } from '../../../src/domain/syncProtocol';
import {
  accountResponseSchema,
  myRequestsResponseSchema,
  officesResponseSchema,
  portalCatalogueResponseSchema,
  portalSessionSchema,
  PORTAL_PATHS,
  type MyRequest,
  type PortalAccount,
  type PortalOffice,
  type PortalSession,
} from './portalContract';
import type { Catalogue } from '../../../src/domain/catalogue';

/** Why a call failed, in the terms a screen explains: the network, the session, the server's code. */
export class PortalApiError extends Error {
  constructor(
    readonly reason: 'network' | 'unauthorized' | 'throttled' | 'notFound' | 'invalid' | 'server',
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
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

export interface PortalApi {
  requestSmsCode(phone: string, locale: Locale): Promise<void>;
  verifySmsCode(phone: string, code: string): Promise<PortalSession>;
  requestEmailLink(email: string, locale: Locale): Promise<void>;
  verifyEmailLink(token: string): Promise<PortalSession>;
  logout(): Promise<void>;
  offices(): Promise<PortalOffice[]>;
  catalogue(officeId: string): Promise<Catalogue>;
  myRequests(): Promise<MyRequest[]>;
  account(): Promise<PortalAccount>;
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

/** The only code of the portal's screens that speaks HTTP; every answer is parsed, never trusted. */
export function createPortalApi({ origin, token, fetch: fetchImpl = (input, init) => globalThis.fetch(input, init) }: PortalApiOptions): PortalApi {
  async function send(method: 'POST' | 'DELETE', path: string, body: unknown): Promise<void> {
    await call(method, path, body, null);
  }

  async function call<S extends z.ZodType>(method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, schema: S | null): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, origin).href, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (error) {
      throw new PortalApiError('network', null, null, error instanceof Error ? error.message : 'network error');
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      let code: string | null = null;
      try {
        const parsed = errorResponseSchema.safeParse(JSON.parse(text));
        if (parsed.success) code = parsed.data.error.code;
      } catch {
        // Not JSON (a proxy's page): the status says enough.
      }
      throw new PortalApiError(reasonFor(response.status), response.status, code, `HTTP ${response.status}`);
    }
    if (schema === null) return undefined as z.infer<S>;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PortalApiError('server', response.status, null, 'answer is not JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new PortalApiError('server', response.status, null, `unexpected answer: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }

  return {
    requestSmsCode: (phone, locale) => send('POST', PORTAL_PATHS.smsLogin, { phone, locale }),
    verifySmsCode: (phone, code) => call('POST', PORTAL_PATHS.smsVerify, { phone, code }, portalSessionSchema),
    requestEmailLink: (email, locale) => send('POST', PORTAL_PATHS.emailLogin, { email, locale }),
    verifyEmailLink: (linkToken) => call('POST', PORTAL_PATHS.emailVerify, { token: linkToken }, portalSessionSchema),
    logout: () => send('POST', PORTAL_PATHS.logout, {}),
    offices: async () => (await call('GET', PORTAL_PATHS.offices, undefined, officesResponseSchema)).offices,
    catalogue: async (officeId) => (await call('GET', `${PORTAL_PATHS.catalogue}?office=${encodeURIComponent(officeId)}`, undefined, portalCatalogueResponseSchema)).catalogue,
    myRequests: async () => (await call('GET', PORTAL_PATHS.requests, undefined, myRequestsResponseSchema)).requests,
    account: () => call('GET', PORTAL_PATHS.account, undefined, accountResponseSchema),
    deleteAccount: () => send('DELETE', PORTAL_PATHS.account, undefined),
    withdraw: (requestId) => send('DELETE', `${PORTAL_PATHS.requests}/${encodeURIComponent(requestId)}`, undefined),
  };
}
