import { z } from 'zod';
import { CLAIM_RULES, FORGERY_REASONS, PUBLIC_KEY_PATTERN, type CertificateClaims, type VerifyResult } from './certificateTokenFormat';
import { localizedTextSchema } from './locales';

/**
 * The zod schemas of the certificate token's claims, the public keys and the verification API,
 * built from the token format's constants (certificateTokenFormat.ts, the one home of the
 * format, which the /verify page's script imports without zod). The format's functions are
 * re-exported here for the back office.
 */
export {
  assembleToken,
  base64UrlDecode,
  base64UrlEncode,
  parseToken,
  signedPart,
  TOKEN_PREFIX,
  VERIFY_OUTCOMES,
  type CertificateClaims,
  type ForgeryReason,
  type ParsedToken,
  type VerifyResult,
} from './certificateTokenFormat';

export const certificateClaimsSchema = z.strictObject({
  keyId: z.string().regex(CLAIM_RULES.keyId),
  number: z.string().regex(CLAIM_RULES.number),
  serviceId: z.string().regex(CLAIM_RULES.serviceId),
  holderCin: z.string().regex(CLAIM_RULES.holderCin),
  holderName: z.string().min(1).max(CLAIM_RULES.holderNameMax),
  holderNameArabic: z.string().max(CLAIM_RULES.holderNameMax),
  officeId: z.string().min(1).max(CLAIM_RULES.officeIdMax),
  issuedOn: z.iso.date(),
}) satisfies z.ZodType<CertificateClaims>;

/** A published public key: what /keys serves and what an offline verifier is given. */
export const publicKeySchema = z.strictObject({
  keyId: z.string().regex(CLAIM_RULES.keyId),
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte key, base64url. */
  publicKey: z.string().regex(PUBLIC_KEY_PATTERN),
  createdAt: z.iso.datetime(),
  /** Set once a newer key signs: the key still verifies what it signed before. */
  retiredAt: z.iso.datetime().nullable(),
});
export type PublicKey = z.infer<typeof publicKeySchema>;

export const publicKeySetSchema = z.strictObject({ keys: z.array(publicKeySchema) });
export type PublicKeySet = z.infer<typeof publicKeySetSchema>;

export const forgeryReasonSchema = z.enum(FORGERY_REASONS);

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
]) satisfies z.ZodType<VerifyResult>;

export const verifyRequestSchema = z.strictObject({ token: z.string().min(1).max(2000) });

/** `POST ${API_PREFIX}/verify` answers the result and, when the office's catalogue is known here, the service's name. */
export const verifyResponseSchema = z.strictObject({ result: verifyResultSchema, serviceName: localizedTextSchema.nullable() });
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
