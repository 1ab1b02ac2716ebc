import { randomBytes, sign, verify } from 'node:crypto';
import { REPLY_LINK_DAYS, replyClaimsSchema, type ReplyClaims } from '../../../src/domain/routing';
import type { SigningKeyring } from '../certificates/signingKeyring';

/**
 * The reply link's token: `base64url(JSON claims) "." base64url(Ed25519 signature of the first part)`,
 * signed with the back office's signing keyring (the certificates' keys). Only the back office's own
 * keys are accepted: a key it merely trusts (another back office's) cannot answer its forwards.
 * The signature makes the token unforgeable; the nonce, kept with the forward and marked used by
 * the answer, makes it single use; the expiry bounds a leaked mail's use.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** 16 random bytes, base64url (22 characters): stored with the forward, carried by its token. */
export function newReplyNonce(): string {
  return randomBytes(16).toString('base64url');
}

export function signReplyToken(keyring: SigningKeyring, claims: Omit<ReplyClaims, 'v' | 'k' | 'e'>, now: Date): string {
  const key = keyring.signingKey();
  const full: ReplyClaims = { v: 1, ...claims, e: Math.floor((now.getTime() + REPLY_LINK_DAYS * DAY_MS) / 1000), k: key.keyId };
  const payload = Buffer.from(JSON.stringify(full), 'utf8').toString('base64url');
  return `${payload}.${sign(null, Buffer.from(payload, 'ascii'), key.privateKey).toString('base64url')}`;
}

export type ReplyTokenCheck = { ok: true; claims: ReplyClaims } | { ok: false; reason: 'malformed' | 'badSignature' | 'expired' };

/** Longest token accepted before any parsing (claims ≈ 230 characters, signature 86). */
export const REPLY_TOKEN_MAX = 600;

export function verifyReplyToken(keyring: SigningKeyring, token: string, now: Date): ReplyTokenCheck {
  if (token.length > REPLY_TOKEN_MAX || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) return { ok: false, reason: 'malformed' };
  const [payload, signature] = token.split('.') as [string, string];
  let claims: ReplyClaims;
  try {
    const parsed = replyClaimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    claims = parsed.data;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const key = keyring.isOwnKey(claims.k) ? keyring.verificationKeys().get(claims.k) : undefined;
  if (!key || !verify(null, Buffer.from(payload, 'ascii'), key, Buffer.from(signature, 'base64url'))) return { ok: false, reason: 'badSignature' };
  if (claims.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
