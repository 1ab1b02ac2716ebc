/**
 * Salted slow hashes of short secrets (PBKDF2-SHA-256 through WebCrypto, available in the
 * renderer, the Electron main process and Node), in a versioned string whose parameters can be
 * raised later without breaking stored values:
 *
 *   pbkdf2-sha256$<iterations>$<salt, base64>$<derived key, base64>
 */

export const SLOW_HASH_SCHEME = 'pbkdf2-sha256';
export const SALT_BYTES = 16;
const DERIVED_BITS = 256;

export interface ParsedSlowHash {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array<ArrayBuffer>;
}

export function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function derive(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, DERIVED_BITS);
  return new Uint8Array(bits);
}

/**
 * Compares two byte strings in time that depends only on their lengths, not on where they first
 * differ, so that response timing reveals nothing about a stored hash.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let i = 0; i < length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export async function slowHash(secret: string, iterations: number): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(secret, salt, iterations);
  return [SLOW_HASH_SCHEME, String(iterations), toBase64(salt), toBase64(hash)].join('$');
}

/** Null for anything not in the current format: an unreadable hash never verifies. */
export function parseSlowHash(stored: string): ParsedSlowHash | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== SLOW_HASH_SCHEME) return null;
  const [, iterationsText = '', saltText = '', hashText = ''] = parts;
  if (!/^[1-9][0-9]{0,7}$/.test(iterationsText)) return null;
  try {
    const salt = fromBase64(saltText);
    const hash = fromBase64(hashText);
    if (salt.length === 0 || hash.length !== DERIVED_BITS / 8) return null;
    return { iterations: Number(iterationsText), salt, hash };
  } catch {
    return null;
  }
}

export async function verifySlowHash(secret: string, stored: string): Promise<boolean> {
  const parsed = parseSlowHash(stored);
  if (parsed === null) return false;
  const candidate = await derive(secret, parsed.salt, parsed.iterations);
  return constantTimeEqual(candidate, parsed.hash);
}
