/**
 * The certificate token printed in the QR code: `SHBK1.<claims>.<signature>`, both parts
 * base64url without padding. `<claims>` is the UTF-8 JSON array of CLAIM_ORDER (an array, not an
 * object, so the QR stays small); `<signature>` is Ed25519 over the ASCII text `SHBK1.<claims>`.
 * docs/certificates.md is the reference; this file is the one home of the format.
 *
 * It imports nothing, zod included: the public /verify page bundles it, and zod's classic build
 * does not tree-shake (the page's script was 591 KB with it). The zod schemas of the same shapes
 * (certificateToken.ts) are built from the constants here, and a test checks both agree.
 */

export const TOKEN_PREFIX = 'SHBK1';

/** The claims' rules, shared with the zod schema of certificateToken.ts. */
export const CLAIM_RULES = {
  /** Which of the back office's keys signed it (see keyIdOf in the back office). */
  keyId: /^[A-Za-z0-9_-]{8,32}$/,
  /** `<OFFICE>-<year>-<six digits>`, e.g. DEMO-2026-000042. */
  number: /^[A-Z0-9][A-Z0-9-]{2,60}$/,
  serviceId: /^[a-z][a-z0-9_]*$/,
  holderCin: /^[A-Z]{1,2}\d{5,6}$/,
  holderNameMax: 241,
  officeIdMax: 40,
} as const;
/** A published public key: the raw 32-byte Ed25519 key in base64url. */
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface CertificateClaims {
  keyId: string;
  number: string;
  serviceId: string;
  holderCin: string;
  holderName: string;
  /** Empty when the holder gave no name in Arabic script. */
  holderNameArabic: string;
  officeId: string;
  /** YYYY-MM-DD. */
  issuedOn: string;
}

export const CLAIM_ORDER = ['keyId', 'number', 'serviceId', 'holderCin', 'holderName', 'holderNameArabic', 'officeId', 'issuedOn'] as const satisfies ReadonlyArray<
  keyof CertificateClaims
>;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The claims when `value` is exactly a valid claims object (no other key), else null. */
export function readClaims(value: unknown): CertificateClaims | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length !== CLAIM_ORDER.length || CLAIM_ORDER.some((key) => typeof record[key] !== 'string')) return null;
  const claims = record as unknown as CertificateClaims;
  const valid =
    CLAIM_RULES.keyId.test(claims.keyId) &&
    CLAIM_RULES.number.test(claims.number) &&
    CLAIM_RULES.serviceId.test(claims.serviceId) &&
    CLAIM_RULES.holderCin.test(claims.holderCin) &&
    claims.holderName.length >= 1 &&
    claims.holderName.length <= CLAIM_RULES.holderNameMax &&
    claims.holderNameArabic.length <= CLAIM_RULES.holderNameMax &&
    claims.officeId.length >= 1 &&
    claims.officeId.length <= CLAIM_RULES.officeIdMax &&
    isIsoDate(claims.issuedOn);
  return valid ? { ...claims } : null;
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The part the signature covers: prefix and claims. */
export function signedPart(claims: CertificateClaims): string {
  const tuple = CLAIM_ORDER.map((key) => claims[key]);
  return `${TOKEN_PREFIX}.${base64UrlEncode(new TextEncoder().encode(JSON.stringify(tuple)))}`;
}

export function assembleToken(signed: string, signature: Uint8Array): string {
  return `${signed}.${base64UrlEncode(signature)}`;
}

export type ParsedToken = { ok: true; claims: CertificateClaims; signed: string; signature: Uint8Array } | { ok: false };

/** Splits and decodes a token, checking its shape only: the signature is checked by whoever holds the public keys. */
export function parseToken(raw: string): ParsedToken {
  const token = raw.trim();
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX) return { ok: false };
  const [, claimsPart = '', signaturePart = ''] = parts;
  const claimBytes = base64UrlDecode(claimsPart);
  const signature = base64UrlDecode(signaturePart);
  if (!claimBytes || !signature || signature.length !== 64) return { ok: false };
  let tuple: unknown;
  try {
    tuple = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(claimBytes));
  } catch {
    return { ok: false };
  }
  if (!Array.isArray(tuple) || tuple.length !== CLAIM_ORDER.length) return { ok: false };
  const claims = readClaims(Object.fromEntries(CLAIM_ORDER.map((key, i): [string, unknown] => [key, tuple[i]])));
  if (!claims) return { ok: false };
  // Re-encoding must give the same text: one certificate has exactly one valid token.
  if (signedPart(claims) !== `${TOKEN_PREFIX}.${claimsPart}`) return { ok: false };
  return { ok: true, claims, signed: `${TOKEN_PREFIX}.${claimsPart}`, signature };
}

/** Why a token is not a genuine certificate, or that it is and whether the issuer revoked it. */
export const VERIFY_OUTCOMES = ['valid', 'revoked', 'forged'] as const;
export const FORGERY_REASONS = ['malformed', 'unknownKey', 'badSignature', 'notIssued'] as const;
export type ForgeryReason = (typeof FORGERY_REASONS)[number];

export type VerifyResult =
  | { outcome: 'valid'; claims: CertificateClaims; /** False when the answer comes from the signature alone (an offline verifier, another back office). */ revocationChecked: boolean }
  | { outcome: 'revoked'; claims: CertificateClaims; revokedAt: string; revocationChecked: true }
  | { outcome: 'forged'; reason: ForgeryReason };

/** A verification answer read without zod (the /verify page's script); null for anything else. */
export function readVerifyResult(value: unknown): VerifyResult | null {
  if (typeof value !== 'object' || value === null) return null;
  const answer = value as Record<string, unknown>;
  const keys = Object.keys(answer).sort().join(',');
  if (answer.outcome === 'forged') {
    return keys === 'outcome,reason' && FORGERY_REASONS.includes(answer.reason as ForgeryReason) ? { outcome: 'forged', reason: answer.reason as ForgeryReason } : null;
  }
  const claims = readClaims(answer.claims);
  if (!claims) return null;
  if (answer.outcome === 'valid' && keys === 'claims,outcome,revocationChecked' && typeof answer.revocationChecked === 'boolean') {
    return { outcome: 'valid', claims, revocationChecked: answer.revocationChecked };
  }
  const revokedAt = answer.revokedAt;
  if (answer.outcome === 'revoked' && keys === 'claims,outcome,revocationChecked,revokedAt' && answer.revocationChecked === true && typeof revokedAt === 'string' && !Number.isNaN(Date.parse(revokedAt))) {
    return { outcome: 'revoked', claims, revokedAt, revocationChecked: true };
  }
  return null;
}
