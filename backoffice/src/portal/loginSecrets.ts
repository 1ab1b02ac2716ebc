import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { TRACKING_ALPHABET } from '../../../src/domain/trackingCode';

/** A 6-digit one-time code, uniformly drawn (leading zeros kept). */
export function newLoginCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/**
 * What the store keeps of a code: an HMAC keyed with the server's secret, over the address and
 * the code. A copy of the database alone cannot test the 10^6 codes offline, and one code
 * hashed for one number says nothing of another's.
 */
export function loginCodeHash(secret: Buffer, address: string, code: string): string {
  return createHmac('sha256', secret).update(`portal-login|${address}|${code}`, 'utf8').digest('hex');
}

/** The server's secret for code hashes: 32 random bytes (kept 0600 in the data folder by startBackoffice). */
export function newCodeSecret(): Buffer {
  return randomBytes(32);
}

/**
 * Every portal tracking prefix in a random order: the 3-symbol prefixes with at least one digit,
 * which kiosks (letters only, see service/secrets.ts) never use, so the two never compete.
 * 32^3 - 22^3 = 22,120 of them.
 */
export function shuffledPortalPrefixes(): string[] {
  const all: string[] = [];
  for (const a of TRACKING_ALPHABET) for (const b of TRACKING_ALPHABET) for (const c of TRACKING_ALPHABET) {
    const prefix = a + b + c;
    if (/\d/.test(prefix)) all.push(prefix);
  }
  for (let i = all.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}
