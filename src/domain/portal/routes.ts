import { z } from 'zod';
import { API_PREFIX, catalogueResponseSchema } from '../syncProtocol';
import {
  emailLoginBodySchema,
  emailVerifyBodySchema,
  loginStartedSchema,
  portalSessionSchema,
  smsLoginBodySchema,
  smsVerifyBodySchema,
} from './login';
import { portalOfficesSchema } from './offices';
import {
  accountDeletedSchema,
  accountResponseSchema,
  myRequestsSchema,
  portalPushBodySchema,
  portalPushResponseSchema,
  withdrawResponseSchema,
} from './requests';

/**
 * Every portal endpoint, in one table (the one home of the contract): the back office registers
 * them from it and parses bodies and answers with its schemas; the portal app builds its URLs
 * with `portalPath` and parses answers with the same schemas. `auth: 'session'` routes need
 * `Authorization: Bearer <portal session token>` (never a kiosk's device token); a missing,
 * unknown, revoked or expired one answers 401 `unauthenticated`. Errors: `{ error: { code, message } }`
 * with the codes of PORTAL_ERROR_CODES (and the generic `invalid_body`, `malformed_json`, …).
 */
export const PORTAL_PREFIX = `${API_PREFIX}/portal`;

const noBody = z.undefined();
/** `DELETE` answers and `logout`: nothing to say but that it was done. */
export const portalDoneSchema = z.strictObject({ ok: z.literal(true) });
export const catalogueQuerySchema = z.strictObject({
  office: z.string().min(1).max(100),
  /** The catalogue version the app has: the answer's catalogue is null when it is not newer. */
  since: z.string().regex(/^\d{1,9}$/).optional(),
});

export const PORTAL_ROUTES = {
  /** 202 whether or not an account exists (one is created at first verification). Throttled per number and per address. */
  smsLogin: { method: 'POST', path: `${PORTAL_PREFIX}/login/sms`, auth: 'none', status: 202, body: smsLoginBodySchema, answer: loginStartedSchema },
  /** → session; 401 `code_invalid` (wrong, expired, used, or dead after 5 wrong tries: one answer). */
  smsVerify: { method: 'POST', path: `${PORTAL_PREFIX}/login/sms/verify`, auth: 'none', status: 200, body: smsVerifyBodySchema, answer: portalSessionSchema },
  /** 202, always; sends a link `/portal/#/login/<token>`. */
  emailLogin: { method: 'POST', path: `${PORTAL_PREFIX}/login/email`, auth: 'none', status: 202, body: emailLoginBodySchema, answer: loginStartedSchema },
  /** → session; 401 `code_invalid` for an unknown, used or expired link. */
  emailVerify: { method: 'POST', path: `${PORTAL_PREFIX}/login/email/verify`, auth: 'none', status: 200, body: emailVerifyBodySchema, answer: portalSessionSchema },
  /** Ends this session on the server. */
  logout: { method: 'POST', path: `${PORTAL_PREFIX}/logout`, auth: 'session', status: 200, body: noBody, answer: portalDoneSchema },

  /** Annexes where one can collect; public (the app shows them before sign-in too). */
  offices: { method: 'GET', path: `${PORTAL_PREFIX}/offices`, auth: 'none', status: 200, query: z.strictObject({}), answer: portalOfficesSchema },
  /** `?office=<id>&since=<version>`: the same catalogue the office's kiosks pull; 404 `not_found` for an office not in the list. */
  catalogue: { method: 'GET', path: `${PORTAL_PREFIX}/catalogue`, auth: 'none', status: 200, query: catalogueQuerySchema, answer: catalogueResponseSchema },

  /** The kiosk's push, office per item; channel `portal`, bound to the account. */
  push: { method: 'POST', path: `${PORTAL_PREFIX}/requests`, auth: 'session', status: 200, body: portalPushBodySchema, answer: portalPushResponseSchema },
  /** My requests, newest first. */
  myRequests: { method: 'GET', path: `${PORTAL_PREFIX}/requests`, auth: 'session', status: 200, answer: myRequestsSchema },
  /** Withdraws one not yet processed; 404 `not_found` (not yours, or none), 409 `not_withdrawable`. */
  withdraw: { method: 'DELETE', path: `${PORTAL_PREFIX}/requests/:requestId`, auth: 'session', status: 200, answer: withdrawResponseSchema },

  account: { method: 'GET', path: `${PORTAL_PREFIX}/account`, auth: 'session', status: 200, answer: accountResponseSchema },
  /** Law 09-08: deletes the account (see accountDeletedSchema); the session ends with it. */
  deleteAccount: { method: 'DELETE', path: `${PORTAL_PREFIX}/account`, auth: 'session', status: 200, answer: accountDeletedSchema },
} as const satisfies Record<
  string,
  { method: 'GET' | 'POST' | 'DELETE'; path: string; auth: 'none' | 'session'; status: number; body?: z.ZodType; query?: z.ZodType; answer: z.ZodType }
>;
export type PortalRouteName = keyof typeof PORTAL_ROUTES;

/** Fills a route's `:params`; each value is URL-encoded. Throws on a missing one (a programming error). */
export function portalPath(name: PortalRouteName, params: Readonly<Record<string, string>> = {}): string {
  return PORTAL_ROUTES[name].path.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`portal route ${name} needs :${key}`);
    return encodeURIComponent(value);
  });
}

/** Error codes a portal call may answer with, besides the generic ones of every route. */
export const PORTAL_ERROR_CODES = [
  /** 401: no session, unknown, revoked (logout, account deleted) or expired: sign in again. */
  'unauthenticated',
  /** 400: the phone number or e-mail address cannot be one. */
  'invalid_phone',
  'invalid_email',
  /** 401: the code or link is wrong, expired, used, or dead after too many tries (never says which). */
  'code_invalid',
  /** 429: too many attempts from this address or for this number; `Retry-After` says when. */
  'rate_limited',
  /** 404: nothing there for you (another account's request, or none; an office not in the list). */
  'not_found',
  /** 409: the request is already being processed: it can no longer be withdrawn. */
  'not_withdrawable',
  /** 503: no tracking prefix left to give a new installation. */
  'no_tracking_prefix',
] as const;
export type PortalErrorCode = (typeof PORTAL_ERROR_CODES)[number];

/** Lifetimes and limits the app may show or rely on (the server's defaults; see docs/portal.md). */
export const PORTAL_LIMITS = {
  codeTtlSeconds: 5 * 60,
  codeMaxTries: 5,
  emailLinkTtlSeconds: 30 * 60,
  sessionIdleSeconds: 30 * 24 * 3600,
  sessionAbsoluteSeconds: 90 * 24 * 3600,
} as const;
