import type { SnapshotFrom } from 'xstate';
import type { syncMachine } from '../machines/syncMachine';
import type { SyncFailure, SyncFailureReason } from '../machines/sync/types';
import type { StorageErrorRecord } from '../storage/meta';

/** Every phase the supervisor dashboard may show (each needs a translation). */
export const SYNC_PHASES = [
  'starting',
  'unconfigured',
  'idle',
  'locking',
  'pushing',
  'pulling',
  'catalogue',
  'audit',
  'finishing',
  'backoff',
  'offline',
  'paused',
  'stopped',
] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** What the supervisor dashboard shows about sync. Plain data; times are epoch ms on the kiosk clock. */
export interface SyncStatus {
  phase: SyncPhase;
  /** Requests not yet acknowledged by the back office (queued or in flight). */
  pendingCount: number;
  /** Age of the oldest of them, or null when nothing is pending. */
  oldestPendingAgeMs: number | null;
  /** Requests the back office refused: a supervisor must look at them. */
  rejectedCount: number;
  lastSuccessAt: number | null;
  lastError: { reason: SyncFailureReason; message: string; at: number } | null;
  /** When the engine will try again by itself; null while syncing or paused. */
  nextAttemptAt: number | null;
  enrolled: boolean;
  /** The last outbox write the browser refused (disk full), until a write succeeds again. */
  storageError: StorageErrorRecord | null;
  /** Whether the browser promised not to evict the kiosk's storage; null when it cannot say. */
  persistentStorage: boolean | null;
}

export interface StoredCounts {
  pendingCount: number;
  oldestPendingCreatedAt: number | null;
  rejectedCount: number;
  storageError: StorageErrorRecord | null;
  persistentStorage: boolean | null;
}

export function phaseOf(snapshot: SnapshotFrom<typeof syncMachine>): SyncPhase {
  if (snapshot.status === 'stopped') return 'stopped';
  const value = snapshot.value;
  if (typeof value === 'string') return value === 'cycleDone' ? 'idle' : value;
  return value.syncing;
}

export function statusOf(snapshot: SnapshotFrom<typeof syncMachine>, counts: StoredCounts, enrolled: boolean, now: number): SyncStatus {
  const { lastError, lastSuccessAt, nextAttemptAt } = snapshot.context;
  return {
    phase: phaseOf(snapshot),
    pendingCount: counts.pendingCount,
    oldestPendingAgeMs: counts.oldestPendingCreatedAt === null ? null : Math.max(0, now - counts.oldestPendingCreatedAt),
    rejectedCount: counts.rejectedCount,
    lastSuccessAt,
    lastError: lastError && { reason: lastError.reason, message: lastError.message, at: lastError.at },
    nextAttemptAt,
    enrolled,
    storageError: counts.storageError,
    persistentStorage: counts.persistentStorage,
  };
}

/** Before the loop runs (start-up reads), after it stopped, or when start-up failed (`failure`). */
export function statusBeforeStart(phase: 'starting' | 'stopped', counts: StoredCounts, enrolled: boolean, failure: SyncFailure | null = null): SyncStatus {
  return {
    phase,
    pendingCount: counts.pendingCount,
    oldestPendingAgeMs: null,
    rejectedCount: counts.rejectedCount,
    lastSuccessAt: null,
    lastError: failure && { reason: failure.reason, message: failure.message, at: failure.at },
    nextAttemptAt: null,
    enrolled,
    storageError: counts.storageError,
    persistentStorage: counts.persistentStorage,
  };
}
