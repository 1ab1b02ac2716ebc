import type { BackoffPolicy } from '../../sync/backoff';
import { SyncError, type SyncErrorReason } from '../../sync/syncError';

/** What makes the kiosk sync now rather than at the next heartbeat. */
export const SYNC_TRIGGERS = ['submission', 'online', 'heartbeat', 'manual', 'wake', 'start'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

/** Triggers that cut a backoff short: the network just came back, the kiosk woke up, or a person asked. */
export function isUrgentTrigger(trigger: SyncTrigger): boolean {
  return trigger === 'online' || trigger === 'manual' || trigger === 'wake' || trigger === 'start';
}

/** `watchdog`: a step made no progress for too long; `internal`: a storage or programming fault. */
export type SyncFailureReason = SyncErrorReason | 'watchdog' | 'internal';

export interface SyncFailure {
  reason: SyncFailureReason;
  message: string;
  /** Epoch ms, kiosk clock. */
  at: number;
  retryAfterMs: number | null;
}

export function toSyncFailure(error: unknown, at: number): SyncFailure {
  if (error instanceof SyncError) return { reason: error.reason, message: error.message, at, retryAfterMs: error.retryAfterMs };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { reason: 'internal', message, at, retryAfterMs: null };
}

export interface SyncMachineInput {
  enrolled: boolean;
  heartbeatMs: number;
  /** A step that neither finishes nor fails within this is abandoned (longer than a call's timeout). */
  watchdogMs: number;
  backoff: BackoffPolicy;
  lastSuccessAt: number | null;
  now: () => number;
  /** In [0, 1): the jitter source. */
  random: () => number;
  /** The browser's opinion (navigator.onLine); only used to tell "offline" from "back office down". */
  isOnline: () => boolean;
}

export interface SyncContext extends SyncMachineInput {
  /** Consecutive failed cycles, for the backoff's exponent. */
  failures: number;
  retryDelayMs: number;
  nextAttemptAt: number | null;
  lastError: SyncFailure | null;
  /** A trigger arrived during a cycle: run another one right after instead of waiting for the heartbeat. */
  rerun: boolean;
}

export type SyncEvent =
  | { type: 'sync.trigger'; reason: SyncTrigger }
  | { type: 'sync.enrolled' }
  | { type: 'sync.settings'; heartbeatMs: number }
  | { type: 'connectivity.offline' }
  | { type: 'lock.acquired' }
  | { type: 'lock.busy' };

/** Results of the cycle's steps: `more` re-enters the step (each page or batch restarts the watchdog). */
export interface PushStepResult {
  more: boolean;
}
export interface PullStepResult {
  more: boolean;
  /** The back office was restored from an older backup and items were queued again: push before going on. */
  resend: boolean;
}
export interface AuditStepResult {
  more: boolean;
}
