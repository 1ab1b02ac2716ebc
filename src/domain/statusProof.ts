import { z } from 'zod';
import type { Identity } from './identity';
import { slowHash, toBase64, verifySlowHash } from './slowHash';
import { checkTrackingCode } from './trackingCode';

/**
 * Proof that whoever checks a request's status holds it, so that nobody at a kiosk can step
 * through tracking codes reading statuses and refusal reasons. Two ways to prove it:
 *
 * - the **answer**, typed: the last 4 digits of the CIN and the year of birth (8 digits on the
 *   numeric pad), which only the holder knows;
 * - the **token**, scanned: 128 random bits printed in the receipt's QR code beside the tracking
 *   code, so that holding the receipt up to the camera needs no typing.
 *
 * The kiosk that takes the request makes its verifier (`StatusProof`) and sends it with the
 * request; the back office passes it on in the changes feed, so any kiosk of the office can check
 * a proof offline. The verifier holds neither the digits nor the token (docs/security.md says
 * what a copy of the feed is worth to an attacker).
 */

/** PBKDF2 rounds for the answer: a lookup costs the kiosk one derivation, a guesser 10^6 of them per request. */
export const ANSWER_HASH_ITERATIONS = 100_000;
export const TOKEN_BYTES = 16;
export const ANSWER_LENGTH = 8;

const slowHashPattern = /^pbkdf2-sha256\$[1-9][0-9]{0,7}\$[A-Za-z0-9+/]{1,64}={0,2}\$[A-Za-z0-9+/]{43}=$/;

export const statusProofSchema = z.strictObject({
  /** Salted PBKDF2-SHA-256 of the holder's answer. */
  answer: z.string().max(200).regex(slowHashPattern),
  /** SHA-256 (hex) of the receipt's QR token. */
  token: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StatusProof = z.infer<typeof statusProofSchema>;

/** What a citizen offers at the lookup screen. */
export type OfferedProof = { kind: 'answer'; answer: string } | { kind: 'token'; token: string };

/** The answer as the holder types it: 4 CIN digits then 4 year digits. */
export function expectedAnswer(identity: Pick<Identity, 'cin' | 'dateOfBirth'>): string {
  return `${identity.cin.replace(/\D/g, '').slice(-4)}${identity.dateOfBirth.slice(0, 4)}`;
}

/** Spaces and separators a citizen may type are dropped; anything else must be 8 digits. */
export function normalizeAnswer(raw: string): string | null {
  const digits = raw.replace(/[\s\-/.]/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

// The salt is random per request: the same answer on two requests never gives the same verifier.
const answerSecret = (answer: string): string => `shubbak-status-answer|${answer}`;

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function newToken(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The verifier that travels with the request, and the token that goes only into the receipt's QR. */
export async function makeStatusProof(identity: Pick<Identity, 'cin' | 'dateOfBirth'>): Promise<{ proof: StatusProof; token: string }> {
  const token = newToken();
  const [answer, tokenHash] = await Promise.all([slowHash(answerSecret(expectedAnswer(identity)), ANSWER_HASH_ITERATIONS), sha256Hex(token)]);
  return { proof: { answer, token: tokenHash }, token };
}

/** Whether the offered proof opens this request's status; never throws on hostile input. */
export async function proofMatches(proof: StatusProof, offered: OfferedProof): Promise<boolean> {
  if (offered.kind === 'token') {
    if (!/^[A-Za-z0-9_-]{22}$/.test(offered.token)) return false;
    return (await sha256Hex(offered.token)) === proof.token;
  }
  const answer = normalizeAnswer(offered.answer);
  return answer !== null && verifySlowHash(answerSecret(answer), proof.answer);
}

/** What the receipt's QR code says: the tracking code, a separator no code contains, the token. */
const QR_SEPARATOR = '~';

export function receiptQrPayload(trackingCode: string, token: string | null): string {
  return token === null ? trackingCode : `${trackingCode}${QR_SEPARATOR}${token}`;
}

/** A scanned receipt: its tracking code and, on receipts printed since tokens exist, its token. */
export function parseReceiptQr(text: string): { trackingCode: string; token: string | null } | null {
  const [code = '', token, ...rest] = text.trim().split(QR_SEPARATOR);
  if (rest.length > 0) return null;
  const checked = checkTrackingCode(code);
  if (!checked.ok) return null;
  if (token === undefined) return { trackingCode: checked.code, token: null };
  return /^[A-Za-z0-9_-]{22}$/.test(token) ? { trackingCode: checked.code, token } : null;
}
