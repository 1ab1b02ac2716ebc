import { checkTrackingCode } from '../../domain/trackingCode';
import type { SessionContext } from './types';

/** Context changes of the "check a request" step: pure, so the machine's actions stay one line each. */
type LookupPatch = Partial<Pick<SessionContext, 'lookupCode' | 'lookupError' | 'lookupResult'>>;

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
  return { lookupCode: check.ok ? check.code : code, lookupError: null, lookupResult: null };
}
