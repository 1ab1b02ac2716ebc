import { z } from 'zod';
import { localeSchema } from '../locales';

/**
 * How a citizen signs in to the portal: a phone number and a one-time code sent by SMS, or an
 * e-mail address and a link. Pure shapes and rules, shared by the back office (which trusts
 * nothing) and the portal app (which checks early to help the citizen).
 */

/** One-time codes are 6 digits (crypto.randomInt on the server); the link token is 32 random bytes, base64url. */
export const LOGIN_CODE_LENGTH = 6;
export const loginCodeSchema = z.string().regex(/^\d{6}$/);
export const emailLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * A phone number as the citizen types it, in its one stored form: E.164 (`+` and up to 15
 * digits). Moroccan national forms (`06…`, `07…`, `05…`, and `00212…`) become `+212…`; spaces,
 * dots, dashes and brackets are dropped. Returns null when it cannot be a phone number.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s.\-()]/g, '');
  let e164: string;
  if (/^0[5-7]\d{8}$/.test(compact)) e164 = `+212${compact.slice(1)}`;
  else if (/^00[1-9]\d{6,14}$/.test(compact)) e164 = `+${compact.slice(2)}`;
  else e164 = compact;
  return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null;
}

/** An e-mail address in its one stored form (trimmed, lower case); null when it is not one. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return z.email().max(254).safeParse(email).success ? email : null;
}

/** The raw value as typed (bounded); the server normalises it and answers `invalid_phone` when it cannot. */
const phoneInput = z.string().min(1).max(32);
const emailInput = z.string().min(3).max(254);

/**
 * The installation (the portal on one browser) the app held before, if any: when it is this
 * account's, the session keeps it, with its tracking prefix and its sequence; else a new one is
 * allocated. Never a proof of anything on its own.
 */
const previousInstallation = z.uuid().optional();

/** `POST login/sms`: the code's SMS is written in `locale`. Always 202, account or not. */
export const smsLoginBodySchema = z.strictObject({ phone: phoneInput, locale: localeSchema });
export type SmsLoginBody = z.infer<typeof smsLoginBodySchema>;
/** `POST login/sms/verify`. */
export const smsVerifyBodySchema = z.strictObject({ phone: phoneInput, code: loginCodeSchema, installationId: previousInstallation });
export type SmsVerifyBody = z.infer<typeof smsVerifyBodySchema>;
/** `POST login/email`: the mail (with the link `/portal/#/login/<token>`) is written in `locale`. Always 202. */
export const emailLoginBodySchema = z.strictObject({ email: emailInput, locale: localeSchema });
export type EmailLoginBody = z.infer<typeof emailLoginBodySchema>;
/** `POST login/email/verify`. */
export const emailVerifyBodySchema = z.strictObject({ token: emailLinkTokenSchema, installationId: previousInstallation });
export type EmailVerifyBody = z.infer<typeof emailVerifyBodySchema>;

/** The answer of `login/sms` and `login/email`: the same whether an account exists, was created, or the sending was throttled. */
export const loginStartedSchema = z.strictObject({
  /** How long the code or link stays valid, so the app can say it. */
  expiresInSeconds: z.int().positive(),
});
export type LoginStarted = z.infer<typeof loginStartedSchema>;

/** The path of the e-mail link, under the back office's public address. */
export function emailLinkPath(token: string): string {
  return `/portal/#/login/${token}`;
}

export const portalAccountSchema = z.strictObject({
  id: z.uuid(),
  /** E.164, or null when the account signed in by e-mail only. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type PortalAccount = z.infer<typeof portalAccountSchema>;

/**
 * What the app needs to make requests offline with the kiosk's outbox: like a kiosk's enrolment,
 * a tracking prefix of its own (codes `PPP-NNNNN-C` are unique without a network) and the
 * highest sequence the server has seen from it, so an app that lost its storage and signs in
 * again goes on numbering above it.
 */
export const portalInstallationSchema = z.strictObject({
  id: z.uuid(),
  trackingPrefix: z.string().length(3),
  lastSeq: z.int().nonnegative(),
});
export type PortalInstallation = z.infer<typeof portalInstallationSchema>;

/**
 * A portal session. `token` is sent as `Authorization: Bearer <token>` (not a cookie: the
 * service worker's background sync sends the outbox with no page open, and the app keeps the
 * token in IndexedDB for it). The server keeps only its hash; it ends at logout, at account
 * deletion, after `idleTimeoutSeconds` unused, and at `expiresAt` whatever happens.
 * It is never a kiosk's device token, and opens no kiosk route.
 */
export const portalSessionSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  expiresAt: z.iso.datetime(),
  idleTimeoutSeconds: z.int().positive(),
  account: portalAccountSchema,
  installation: portalInstallationSchema,
});
export type PortalSession = z.infer<typeof portalSessionSchema>;
