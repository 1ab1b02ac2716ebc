/**
 * Tracking codes: what a citizen reads aloud at the counter or types on the portal.
 *
 * Shape: `PPP-NNNNN-C`
 * - `PPP`: the kiosk prefix (3 symbols), so codes are unique across kiosks without a network;
 * - `NNNNN`: the kiosk's own request sequence in decimal, zero-padded to 5 (grows past 99999);
 * - `C`: a Luhn mod 32 check symbol over prefix and sequence, which catches every single
 *   mistyped symbol and most swaps of two neighbours.
 * The alphabet is Crockford's base 32 (no I, L, O, U): when reading back, O is taken as 0
 * and I/L as 1, so the usual confusions cannot produce a wrong but valid code.
 */

export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = TRACKING_ALPHABET.length;

const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' };

function codePoint(symbol: string): number {
  return TRACKING_ALPHABET.indexOf(symbol);
}

/** Luhn mod N check symbol (the same algorithm as ISO/IEC 7812 generalised to base 32). */
export function checkSymbol(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    const point = codePoint(payload[i] ?? '');
    if (point < 0) throw new RangeError(`not a tracking symbol: ${payload[i]}`);
    let addend = factor * point;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  const remainder = sum % N;
  return TRACKING_ALPHABET[(N - remainder) % N] ?? '0';
}

export function isKioskPrefix(prefix: string): boolean {
  return prefix.length === 3 && [...prefix].every((c) => codePoint(c) >= 0);
}

/** A random kiosk prefix, for a kiosk that has not been given one at enrolment. */
export function randomKioskPrefix(random: () => number = Math.random): string {
  let prefix = '';
  // Letters only, so a prefix is never mistaken for part of the sequence.
  const letters = TRACKING_ALPHABET.slice(10);
  for (let i = 0; i < 3; i++) prefix += letters[Math.floor(random() * letters.length)] ?? 'A';
  return prefix;
}

export function formatTrackingCode(prefix: string, sequence: number): string {
  if (!isKioskPrefix(prefix)) throw new RangeError(`invalid kiosk prefix: ${prefix}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`invalid sequence: ${sequence}`);
  const digits = String(sequence).padStart(5, '0');
  return `${prefix}-${digits}-${checkSymbol(prefix + digits)}`;
}

/** Canonical form of what a person typed: upper case, no spaces, aliases folded, dashes restored. */
export function normalizeTrackingCode(raw: string): string {
  const compact = [...raw.toUpperCase().replace(/[\s\-_.]/g, '')].map((c) => ALIASES[c] ?? c).join('');
  if (compact.length < 9) return compact;
  return `${compact.slice(0, 3)}-${compact.slice(3, -1)}-${compact.slice(-1)}`;
}

export type TrackingCodeCheck = { ok: true; code: string } | { ok: false; reason: 'format' | 'checkSymbol' };

export function checkTrackingCode(raw: string): TrackingCodeCheck {
  const code = normalizeTrackingCode(raw);
  const match = /^([0-9A-Z]{3})-(\d{5,})-([0-9A-Z])$/.exec(code);
  if (!match || !isKioskPrefix(match[1] ?? '') || codePoint(match[3] ?? '') < 0) return { ok: false, reason: 'format' };
  if (checkSymbol((match[1] ?? '') + (match[2] ?? '')) !== match[3]) return { ok: false, reason: 'checkSymbol' };
  return { ok: true, code };
}
