import { normalizeAnswer, parseReceiptQr } from '../../domain/statusProof';
import { checkTrackingCode } from '../../domain/trackingCode';
import type { SessionContext } from './types';

/** Context changes of the "check a request" step: pure, so the machine's actions stay one line each. */
type LookupPatch = Partial<Pick<SessionContext, 'lookupCode' | 'lookupError' | 'lookupResult' | 'lookupAnswer' | 'lookupAnswerError' | 'lookupProof'>>;

/** Typing clears the error shown under the code. */
export function typedLookupCode(value: string): LookupPatch {
  return { lookupCode: value, lookupError: null };
}

/** Why the typed code cannot be a tracking code (wrong shape, or a typing mistake caught by the check symbol). */
export function refusedLookupCode(code: string): LookupPatch {
  const check = checkTrackingCode(code);
  return { lookupError: check.ok ? null : check.reason };
}

/** The code in its canonical form (case, spaces and O/0, I/1 confusions folded), ready to look up. */
export function acceptedLookupCode(code: string): LookupPatch {
  const check = checkTrackingCode(code);
  return { lookupCode: check.ok ? check.code : code, lookupError: null, lookupResult: null, lookupAnswer: '', lookupAnswerError: null, lookupProof: null };
}

/** Typing the answer clears its error. */
export function typedAnswer(value: string): LookupPatch {
  return { lookupAnswer: value, lookupAnswerError: null };
}

/** The answer, once it has the expected shape, becomes the proof the lookup checks. */
export function acceptedAnswer(answer: string): LookupPatch {
  const normalized = normalizeAnswer(answer);
  return normalized === null ? { lookupAnswerError: 'format' } : { lookupAnswerError: null, lookupProof: { kind: 'answer', answer: normalized } };
}

/** A scanned receipt: its code, and its token as the proof when it carries one. */
export function scannedReceipt(text: string): LookupPatch {
  const scanned = parseReceiptQr(text);
  if (scanned === null) return { lookupError: 'format' };
  return {
    lookupCode: scanned.trackingCode,
    lookupError: null,
    lookupResult: null,
    lookupAnswer: '',
    lookupAnswerError: null,
    lookupProof: scanned.token === null ? null : { kind: 'token', token: scanned.token },
  };
}
