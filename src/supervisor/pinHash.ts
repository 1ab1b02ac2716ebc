import { parseSlowHash, slowHash, SALT_BYTES, SLOW_HASH_SCHEME, verifySlowHash, type ParsedSlowHash } from '../domain/slowHash';

/**
 * The supervisor PIN is kept only as a salted slow hash (src/domain/slowHash.ts):
 *
 *   pbkdf2-sha256$<iterations>$<salt, base64>$<derived key, base64>
 *
 * 310,000 iterations is OWASP's floor for PBKDF2-HMAC-SHA-256 (Password Storage Cheat Sheet).
 */

export { constantTimeEqual } from '../domain/slowHash';
export const PIN_HASH_SCHEME = SLOW_HASH_SCHEME;
export const PIN_HASH_ITERATIONS = 310_000;
export const PIN_SALT_BYTES = SALT_BYTES;
export type ParsedPinHash = ParsedSlowHash;

export function hashPin(pin: string): Promise<string> {
  return slowHash(pin, PIN_HASH_ITERATIONS);
}

/** Null for anything not in the current format: an unreadable hash never verifies. */
export function parsePinHash(stored: string): ParsedPinHash | null {
  return parseSlowHash(stored);
}

export function verifyPin(pin: string, stored: string): Promise<boolean> {
  return verifySlowHash(pin, stored);
}
