import type { LockoutState } from './lockout';
import type { PinChoiceProblem } from './pinPolicy';

/**
 * What checking a PIN answers, with the failure counter as it now stands (persisted by whoever
 * checks). `lockedOut`: refused without looking at the PIN because a lockout runs (the pad may
 * have been bypassed).
 */
export interface PinCheckOutcome {
  /** `storeLocked`: the PIN's hash exists but cannot be read now (OS key store still locked); nothing was counted. */
  kind: 'ok' | 'wrong' | 'lockedOut' | 'storeLocked';
  lockout: LockoutState;
}

/** `pinAlreadySet`: a first PIN is refused once one exists; only `changePin`, with the current PIN, replaces it. */
export type SavePinOutcome = { ok: true } | { ok: false; reason: 'encryptionUnavailable' | 'pinAlreadySet' | 'storeLocked' | 'failed' };

export type ChangePinOutcome =
  | { ok: true }
  | { ok: false; reason: 'wrongPin' | 'lockedOut' | 'storeLocked' | PinChoiceProblem | 'encryptionUnavailable' | 'saveFailed' };

/**
 * Whether a PIN exists: `storeLocked` when its hash is stored but cannot be read now (the OS key
 * store is still locked after login, the browser's key cannot be used). Never taken for `none`,
 * which would hand a first-run PIN pad to whoever holds the logo.
 */
export type PinPresence = 'set' | 'none' | 'storeLocked';

export interface LockStateSnapshot {
  pin: PinPresence;
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
  /** The voice prompts page: a prompt recorded in the office's voice, or its recording deleted. */
  'supervisor.recordingSave',
  'supervisor.recordingDelete',
] as const;
export type SupervisorAuditAction = (typeof SUPERVISOR_AUDIT_ACTIONS)[number];

export type PinError = PinChoiceProblem | 'mismatch' | 'wrong' | 'checkFailed' | 'encryptionUnavailable' | 'saveFailed';

export const SUPERVISOR_AREAS = ['dashboard', 'outbox', 'voicePrompts', 'settings', 'audit'] as const;
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
  | { type: 'nav.voicePrompts' }
  | { type: 'nav.settings' }
  | { type: 'nav.audit' };
