import { z } from 'zod';
import { localizedTextSchema } from './locales';

/**
 * The certificate token printed in the QR code: `SHBK1.<claims>.<signature>`, both parts
 * base64url without padding. `<claims>` is the UTF-8 JSON array of CLAIM_ORDER (an array, not an
 * object, so the QR stays small); `<signature>` is Ed25519 over the ASCII text `SHBK1.<claims>`.
 * docs/certificates.md is the reference; this file is the one home of the format.
 */

export const TOKEN_PREFIX = 'SHBK1';

export const certificateClaimsSchema = z.strictObject({
  /** Which of the back office's keys signed it (see keyIdOf in the back office). */
  keyId: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/),
  /** `<OFFICE>-<year>-<six digits>`, e.g. DEMO-2026-000042. */
  number: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,60}$/),
  serviceId: z.string().regex(/^[a-z][a-z0-9_]*$/),
  holderCin: z.string().regex(/^[A-Z]{1,2}\d{5,6}$/),
  holderName: z.string().min(1).max(241),
  /** Empty when the holder gave no name in Arabic script. */
  holderNameArabic: z.string().max(241),
  officeId: z.string().min(1).max(40),
  issuedOn: z.iso.date(),
});
export type CertificateClaims = z.infer<typeof certificateClaimsSchema>;

const CLAIM_ORDER = ['keyId', 'number', 'serviceId', 'holderCin', 'holderName', 'holderNameArabic', 'officeId', 'issuedOn'] as const satisfies ReadonlyArray<
  keyof CertificateClaims
>;

const claimsTupleSchema = z.array(z.string()).length(CLAIM_ORDER.length);

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
  const values = claimsTupleSchema.safeParse(tuple);
  if (!values.success) return { ok: false };
  const claims = certificateClaimsSchema.safeParse(Object.fromEntries(CLAIM_ORDER.map((key, i) => [key, values.data[i]])));
  if (!claims.success) return { ok: false };
  // Re-encoding must give the same text: one certificate has exactly one valid token.
  if (signedPart(claims.data) !== `${TOKEN_PREFIX}.${claimsPart}`) return { ok: false };
  return { ok: true, claims: claims.data, signed: `${TOKEN_PREFIX}.${claimsPart}`, signature };
}

/** A published public key: what /keys serves and what an offline verifier is given. */
export const publicKeySchema = z.strictObject({
  keyId: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/),
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte key, base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  createdAt: z.iso.datetime(),
  /** Set once a newer key signs: the key still verifies what it signed before. */
  retiredAt: z.iso.datetime().nullable(),
});
export type PublicKey = z.infer<typeof publicKeySchema>;

export const publicKeySetSchema = z.strictObject({ keys: z.array(publicKeySchema) });
export type PublicKeySet = z.infer<typeof publicKeySetSchema>;

/** Why a token is not a genuine certificate, or that it is and whether the issuer revoked it. */
export const VERIFY_OUTCOMES = ['valid', 'revoked', 'forged'] as const;
export const forgeryReasonSchema = z.enum(['malformed', 'unknownKey', 'badSignature', 'notIssued']);
export type ForgeryReason = z.infer<typeof forgeryReasonSchema>;

export const verifyResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('valid'),
    claims: certificateClaimsSchema,
    /** False when the answer comes from the signature alone (an offline verifier, another back office). */
    revocationChecked: z.boolean(),
  }),
  z.strictObject({
    outcome: z.literal('revoked'),
    claims: certificateClaimsSchema,
    revokedAt: z.iso.datetime(),
    revocationChecked: z.literal(true),
  }),
  z.strictObject({ outcome: z.literal('forged'), reason: forgeryReasonSchema }),
]);
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const verifyRequestSchema = z.strictObject({ token: z.string().min(1).max(2000) });

/** `POST ${API_PREFIX}/verify` answers the result and, when the office's catalogue is known here, the service's name. */
export const verifyResponseSchema = z.strictObject({ result: verifyResultSchema, serviceName: localizedTextSchema.nullable() });
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
