import { v7 as uuidv7 } from 'uuid';
import type { Locale } from '../../../src/domain/locales';
import { emailLinkPath, normalizeEmail, normalizePhone, type PortalSession } from '../../../src/domain/portal/login';
import { ApiError } from '../service/apiError';
import { hashSecret, newToken } from '../service/secrets';
import type { Store } from '../store/types';
import { loginMail, loginSmsText } from './loginTexts';
import { loginCodeHash, newLoginCode, shuffledPortalPrefixes } from './loginSecrets';
import { sessionExpiries } from './portalSession';
import type { PortalSettings, Throttle } from './settings';

/** A refusal that says when to try again (the route sets `Retry-After`). */
export class ThrottledError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too many attempts; try again later.');
  }
}

/** Wrong, expired, used, dead after too many tries, or no account: one answer, so nothing is learnt by trying. */
const CODE_INVALID = new ApiError(401, 'code_invalid', 'This code or link is not valid (wrong, expired or already used). Ask for a new one.');
const NO_PREFIX = new ApiError(503, 'no_tracking_prefix', 'The portal cannot take new installations at the moment.');

export interface SignInContext {
  store: Store;
  settings: PortalSettings;
  now: Date;
  /** The client address as the rate limit counts it. */
  address: string;
  log: (details: Record<string, unknown>, message: string) => void;
}

/** Counts one hit; throws 429 when the key is over its budget. */
async function spend(store: Store, key: string, throttle: Throttle): Promise<void> {
  const hit = await store.hitRateLimit(key, throttle.windowMs);
  if (hit.count > throttle.max) throw new ThrottledError(Math.max(1, Math.ceil(hit.ttlMs / 1000)));
}

function phoneOr400(raw: string): string {
  const phone = normalizePhone(raw);
  if (phone === null) throw new ApiError(400, 'invalid_phone', 'This is not a phone number.');
  return phone;
}

function emailOr400(raw: string): string {
  const email = normalizeEmail(raw);
  if (email === null) throw new ApiError(400, 'invalid_email', 'This is not an e-mail address.');
  return email;
}

/**
 * Sends a fresh code to the number (replacing any earlier one). The answer never depends on
 * whether an account exists: accounts are made at the first successful verification.
 */
export async function startSmsSignIn(context: SignInContext, body: { phone: string; locale: Locale }): Promise<{ expiresInSeconds: number }> {
  const { store, settings, now } = context;
  const phone = phoneOr400(body.phone);
  await spend(store, `portal-start|${context.address}`, settings.throttles.startsPerAddress);
  await spend(store, `portal-send|sms:${phone}`, settings.throttles.sendsPerRecipient);
  await spend(store, `portal-send-day|sms:${phone}`, settings.throttles.sendsPerRecipientPerDay);
  const code = newLoginCode();
  const address = `sms:${phone}`;
  const ttl = settings.lifetimes.codeTtlMs;
  await store.putLoginCode({
    address,
    secretHash: loginCodeHash(settings.codeSecret, address, code),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttl).toISOString(),
  });
  const text = loginSmsText(body.locale, code, Math.round(ttl / 60_000));
  // The key is per code: a retrying adapter sends this code once, and a new code is a new message.
  await deliver(context, () => settings.sms.send({ to: phone, text, key: `portal-login|${address}|${now.toISOString()}` }), 'sms');
  return { expiresInSeconds: Math.round(ttl / 1000) };
}

/** Sends a fresh sign-in link to the address (replacing any earlier one); same answer whatever is known. */
export async function startEmailSignIn(context: SignInContext, body: { email: string; locale: Locale }): Promise<{ expiresInSeconds: number }> {
  const { store, settings, now } = context;
  const email = emailOr400(body.email);
  await spend(store, `portal-start|${context.address}`, settings.throttles.startsPerAddress);
  await spend(store, `portal-send|email:${email}`, settings.throttles.sendsPerRecipient);
  await spend(store, `portal-send-day|email:${email}`, settings.throttles.sendsPerRecipientPerDay);
  const token = newToken();
  const address = `email:${email}`;
  const ttl = settings.lifetimes.emailLinkTtlMs;
  await store.putLoginCode({ address, secretHash: hashSecret(token), createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttl).toISOString() });
  const mail = loginMail(body.locale, `${settings.publicUrl().replace(/\/+$/, '')}${emailLinkPath(token)}`, Math.round(ttl / 60_000));
  await deliver(context, () => settings.mail.send({ to: email, ...mail, key: `portal-login|${address}|${now.toISOString()}` }), 'email');
  return { expiresInSeconds: Math.round(ttl / 1000) };
}

/** A sending failure is the operator's to see (error in the log); the citizen gets the usual answer and may ask again. */
async function deliver(context: SignInContext, send: () => Promise<void>, channel: 'sms' | 'email'): Promise<void> {
  try {
    await send();
  } catch (error) {
    context.log({ err: error, channel }, 'portal sign-in message not sent');
  }
}

export async function verifySmsSignIn(context: SignInContext, body: { phone: string; code: string; installationId?: string | undefined }): Promise<PortalSession> {
  const { store, settings, now } = context;
  const phone = phoneOr400(body.phone);
  await spend(store, `portal-verify|${context.address}`, settings.throttles.verifiesPerAddress);
  await spend(store, `portal-verify|sms:${phone}`, settings.throttles.verifiesPerRecipient);
  const address = `sms:${phone}`;
  const check = await store.checkLoginCode({
    address,
    secretHash: loginCodeHash(settings.codeSecret, address, body.code),
    now: now.toISOString(),
    maxTries: settings.lifetimes.codeMaxTries,
  });
  if (check !== 'ok') {
    context.log({ ip: context.address, outcome: check }, 'portal sign-in code refused');
    throw CODE_INVALID;
  }
  return openSession(context, { phone }, body.installationId);
}

export async function verifyEmailSignIn(context: SignInContext, body: { token: string; installationId?: string | undefined }): Promise<PortalSession> {
  const { store, settings, now } = context;
  await spend(store, `portal-verify|${context.address}`, settings.throttles.verifiesPerAddress);
  const address = await store.takeLoginLink(hashSecret(body.token), now.toISOString());
  if (address === null || !address.startsWith('email:')) {
    context.log({ ip: context.address }, 'portal sign-in link refused');
    throw CODE_INVALID;
  }
  return openSession(context, { email: address.slice('email:'.length) }, body.installationId);
}

async function openSession(context: SignInContext, identity: { phone: string } | { email: string }, previousInstallation: string | undefined): Promise<PortalSession> {
  const { store, settings, now } = context;
  const token = newToken();
  const expiries = sessionExpiries(now, settings.lifetimes);
  const outcome = await store.portalSignIn({
    identity,
    newAccountId: uuidv7(),
    at: now.toISOString(),
    session: { tokenHash: hashSecret(token), ...expiries },
    installation: {
      ...(previousInstallation ? { previousId: previousInstallation } : {}),
      newId: uuidv7(),
      // The installation's device row needs a token hash; this token is thrown away: it pushes with the session.
      tokenHash: hashSecret(newToken()),
      prefixCandidates: shuffledPortalPrefixes(),
    },
  });
  if (!outcome.ok) {
    context.log({ reason: outcome.reason }, 'portal sign-in refused: no tracking prefix left');
    throw NO_PREFIX;
  }
  context.log({ accountId: outcome.account.id, installationId: outcome.installation.id, created: outcome.accountCreated }, 'portal sign-in');
  return {
    token,
    expiresAt: expiries.absoluteExpiresAt,
    idleTimeoutSeconds: Math.round(settings.lifetimes.sessionIdleMs / 1000),
    account: { id: outcome.account.id, phone: outcome.account.phone, email: outcome.account.email, createdAt: outcome.account.createdAt },
    installation: outcome.installation,
  };
}
