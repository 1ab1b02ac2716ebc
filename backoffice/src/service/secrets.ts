import { createHash, randomBytes, randomInt } from 'node:crypto';
import { TRACKING_ALPHABET } from '../../../src/domain/trackingCode';

/** Device and staff tokens: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps instead of a token or an enrolment code: a leaked database lets no one in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * A one-time enrolment code, `XXXX-XXXX`, typed by a supervisor on the kiosk. Symbols come from
 * the tracking alphabet (Crockford base 32: no I, L, O, U), so it reads aloud without confusion.
 * 32^8 ≈ 10^12 codes, tried at a rate-limited pace and valid for a day, cannot be guessed.
 */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Kiosk prefixes are letters only (so never mistaken for the sequence digits): 22^3 = 10,648 of them. */
const PREFIX_LETTERS = TRACKING_ALPHABET.slice(10);

/** Every possible kiosk prefix in a random order: the store takes the first one no kiosk has. */
export function shuffledPrefixes(): string[] {
  const all: string[] = [];
  for (const a of PREFIX_LETTERS) for (const b of PREFIX_LETTERS) for (const c of PREFIX_LETTERS) all.push(a + b + c);
  for (let i = all.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}
