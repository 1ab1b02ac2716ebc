import type { KioskPlatform, PrintResult, ReceiptToPrint, SecretName, SecretResult } from '../../src/platform/types';
import type { EnrolOutcome, SyncStatus } from '../../src/sync/syncService';
import type { SyncTrigger } from '../../src/machines/sync/types';

/** An in-memory host: secrets in a map (or refused, like a machine without a keyring), receipts recorded. */
export class FakePlatform implements KioskPlatform {
  readonly secrets = new Map<SecretName, string>();
  readonly printed: ReceiptToPrint[] = [];
  secretStoreAvailable = true;
  printResult: PrintResult = { ok: true };

  async printReceipt(receipt: ReceiptToPrint): Promise<PrintResult> {
    this.printed.push(receipt);
    return this.printResult;
  }

  async writeSecret(name: SecretName, value: string): Promise<SecretResult> {
    if (!this.secretStoreAvailable) return { ok: false, reason: 'encryptionUnavailable' };
    this.secrets.set(name, value);
    return { ok: true };
  }

  async readSecret(name: SecretName): Promise<string | null> {
    return this.secrets.get(name) ?? null;
  }

  async deviceIdentity() {
    return { installationId: 'test-installation', host: 'browser' as const };
  }

  async restart(): Promise<void> {}

  async appVersion(): Promise<string> {
    return '0.1.0-test';
  }
}

/** A sync engine at rest with nothing to send; `overrides` say what differs. */
export function idleSyncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    phase: 'idle',
    pendingCount: 0,
    oldestPendingAgeMs: null,
    rejectedCount: 0,
    lastSuccessAt: null,
    lastError: null,
    nextAttemptAt: null,
    enrolled: false,
    storageError: null,
    persistentStorage: true,
    ...overrides,
  };
}

/** The sync service as the supervisor sees it: a status to show, triggers and enrolments recorded. */
export class FakeSync {
  readonly triggers: string[] = [];
  readonly enrolments: { url: string; code: string; label: string }[] = [];
  enrolOutcome: EnrolOutcome = { ok: true, deviceId: 'dev-1', officeId: 'office-1', officeName: 'Annexe Agdal' };
  private listeners = new Set<(status: SyncStatus) => void>();
  status: SyncStatus = idleSyncStatus();

  trigger(reason: SyncTrigger): void {
    this.triggers.push(reason);
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  async enrol(url: string, code: string, label: string): Promise<EnrolOutcome> {
    this.enrolments.push({ url, code, label });
    return this.enrolOutcome;
  }

  publish(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }
}
