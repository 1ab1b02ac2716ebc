import type { LocalizedText } from '../domain/locales';
import type { KioskSettings } from '../domain/settings';
import type { LocalState } from '../domain/status';
import type { SupervisorAuditAction } from '../machines/supervisor/types';
import type { PrintResult, ReceiptToPrint } from '../platform/types';
import type { ChangePinOutcome } from '../machines/supervisor/types';
import type { PinLock } from './pinLock';
import type { Diagnostics } from './diagnostics';
import type { EnrolOutcome, SyncStatus } from '../sync/syncService';
import type { VoicePromptServices } from './voicePrompts';

export type { EnrolOutcome, SyncStatus };

/**
 * What the supervisor screens may do. Screens receive this object and never touch storage: rows
 * are projections WITHOUT the citizen's request, so no name or CIN can reach a supervisor screen.
 */

/** One outbox item as staff see it: the queue, not the personal data. */
export interface OutboxRow {
  id: string;
  kioskSeq: number;
  trackingCode: string;
  serviceId: string;
  /** The service's name from the stored catalogue; null when the catalogue no longer lists it. */
  serviceName: LocalizedText | null;
  state: LocalState;
  attempts: number;
  /** The last transport or back-office error, or why the item was rejected or discarded. */
  lastError: string | null;
  createdAt: number;
}

export interface AuditRow {
  id: string;
  at: number;
  action: string;
  detail: string;
}

export type SettingsField = keyof KioskSettings;
export type SaveSettingsOutcome =
  | { ok: true; settings: KioskSettings; changed: SettingsField[] }
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

export interface SupervisorServices {
  now(): number;
  autoLockMs: number;
  lock: PinLock;
  audit(action: SupervisorAuditAction, detail?: string): Promise<void>;
  changePin(currentPin: string, nextPin: string): Promise<ChangePinOutcome>;
  sync: {
    getStatus(): SyncStatus;
    subscribe(listener: (status: SyncStatus) => void): () => void;
    syncNow(): Promise<void>;
    enrol(backofficeUrl: string, code: string, label: string): Promise<EnrolOutcome>;
  };
  outbox: {
    count(): Promise<number>;
    /** Newest first. */
    page(offset: number, limit: number): Promise<OutboxRow[]>;
    retry(row: OutboxRow): Promise<boolean>;
    discard(row: OutboxRow, reason: string): Promise<boolean>;
  };
  auditLog: {
    /** Newest first; `before` (epoch ms, exclusive) pages further back. */
    page(limit: number, before?: number): Promise<AuditRow[]>;
  };
  settings: {
    load(): Promise<KioskSettings>;
    save(next: KioskSettings): Promise<SaveSettingsOutcome>;
  };
  /** Prints the given test receipt on the configured printer and records the result. */
  testPrinter(receipt: ReceiptToPrint): Promise<PrintResult>;
  diagnostics(): Promise<Diagnostics>;
  /** The office's own recordings of the spoken prompts, made on this tablet. */
  voicePrompts: VoicePromptServices;
}
