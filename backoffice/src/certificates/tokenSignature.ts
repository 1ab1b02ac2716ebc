import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import {
  assembleToken,
  base64UrlDecode,
  base64UrlEncode,
  parseToken,
  signedPart,
  type CertificateClaims,
  type PublicKey,
  type VerifyResult,
} from '../../../src/domain/certificateToken';

/**
 * Signing and checking certificate tokens with Ed25519 (node:crypto). The check needs only the
 * public keys: the same function serves the back office, another back office given the keys and
 * the offline verifier, so they all give the same answer for the signature.
 */

/** A key's id: the first 9 bytes of the SHA-256 of its raw public key, base64url (12 characters). */
export function keyIdOf(rawPublicKey: Uint8Array): string {
  return base64UrlEncode(createHash('sha256').update(rawPublicKey).digest().subarray(0, 9));
}

export function rawPublicKeyOf(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  const raw = typeof jwk.x === 'string' ? base64UrlDecode(jwk.x) : null;
  if (!raw || raw.length !== 32) throw new Error('not an Ed25519 key');
  return raw;
}

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
}

export function signToken(claims: Omit<CertificateClaims, 'keyId'>, key: SigningKey): string {
  const signed = signedPart({ ...claims, keyId: key.keyId });
  return assembleToken(signed, sign(null, Buffer.from(signed, 'ascii'), key.privateKey));
}

/** Public keys by id, imported once: the verification loop must not re-parse them per token. */
export class PublicKeyIndex {
  private readonly byId = new Map<string, KeyObject>();

  constructor(keys: readonly PublicKey[]) {
    for (const key of keys) {
      this.byId.set(key.keyId, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' }));
    }
  }

  has(keyId: string): boolean {
    return this.byId.has(keyId);
  }

  get(keyId: string): KeyObject | undefined {
    return this.byId.get(keyId);
  }
}

/** The signature check alone: `valid` here means "signed by one of these keys", not "not revoked". */
export function verifyTokenSignature(token: string, keys: PublicKeyIndex): VerifyResult {
  const parsed = parseToken(token);
  if (!parsed.ok) return { outcome: 'forged', reason: 'malformed' };
  const key = keys.get(parsed.claims.keyId);
  if (!key) return { outcome: 'forged', reason: 'unknownKey' };
  if (!verify(null, Buffer.from(parsed.signed, 'ascii'), key, parsed.signature)) return { outcome: 'forged', reason: 'badSignature' };
  return { outcome: 'valid', claims: parsed.claims, revocationChecked: false };
}
