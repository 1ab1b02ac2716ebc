import type { LockoutState } from './lockout';
import type { PinChoiceProblem } from './pinPolicy';

/**
 * What checking a PIN answers, with the failure counter as it now stands (persisted by whoever
 * checks). `lockedOut`: refused without looking at the PIN because a lockout runs (the pad may
 * have been bypassed).
 */
export interface PinCheckOutcome {
  kind: 'ok' | 'wrong' | 'lockedOut';
  lockout: LockoutState;
}

export type SavePinOutcome = { ok: true } | { ok: false; reason: 'encryptionUnavailable' | 'failed' };

export interface LockStateSnapshot {
  hasPin: boolean;
  lockout: LockoutState;
}

/** Every action a supervisor takes is written to the append-only audit log under one of these. */
export const SUPERVISOR_AUDIT_ACTIONS = [
  'supervisor.unlock',
  'supervisor.pinFailed',
  'supervisor.lockout',
  'supervisor.autoLock',
  'supervisor.lock',
  'supervisor.pinSet',
  'supervisor.pinChange',
  'supervisor.settingsChange',
  'supervisor.syncNow',
  'supervisor.retry',
  'supervisor.discard',
  'supervisor.printerTest',
  'supervisor.enrol',
  'supervisor.export',
] as const;
export type SupervisorAuditAction = (typeof SUPERVISOR_AUDIT_ACTIONS)[number];

export type PinError = PinChoiceProblem | 'mismatch' | 'wrong' | 'checkFailed' | 'encryptionUnavailable' | 'saveFailed';

export const SUPERVISOR_AREAS = ['dashboard', 'outbox', 'settings', 'audit'] as const;
export type SupervisorArea = (typeof SUPERVISOR_AREAS)[number];

export type SupervisorEvent =
  /** The hidden gesture was held long enough. */
  | { type: 'supervisor.open' }
  | { type: 'supervisor.close' }
  | { type: 'supervisor.lock' }
  /** Any touch inside the overlay: postpones the auto-lock. */
  | { type: 'activity' }
  | { type: 'pin.submit'; pin: string }
  | { type: 'pin.choose'; pin: string }
  | { type: 'pin.confirm'; pin: string }
  /** The first-run enrolment succeeded with a code typed now: staff proved who they are, a PIN may be chosen. */
  | { type: 'firstRun.authorised' }
  /** A supervisor saved another auto-lock delay: it applies from the next touch. */
  | { type: 'settings.autoLock'; ms: number }
  | { type: 'nav.dashboard' }
  | { type: 'nav.outbox' }
  | { type: 'nav.settings' }
  | { type: 'nav.audit' };
