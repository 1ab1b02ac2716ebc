import type { LockoutState } from '../../src/machines/supervisor/lockout';
import type { KioskPlatform, PrintResult, ReceiptToPrint, SealedSecretName, SecretName, SecretResult } from '../../src/platform/types';
import type { PinHost } from '../../src/supervisor/pinLock';
import { createPinVault, type PinVault } from '../../src/supervisor/pinVault';
import type { EnrolOutcome, SyncStatus } from '../../src/sync/syncService';
import type { SyncTrigger } from '../../src/machines/sync/types';

/**
 * An in-memory host: secrets in a map (or refused, like a machine without a keyring), receipts
 * recorded. The PIN goes through the real vault, as the main process runs it, over these maps.
 */
export class FakePlatform implements KioskPlatform {
  readonly secrets = new Map<SealedSecretName, string>();
  readonly printed: ReceiptToPrint[] = [];
  secretStoreAvailable = true;
  /** A key ring still locked after login: sealed secrets are there but cannot be opened. */
  secretStoreLocked = false;
  /** The failure count as the host keeps it (the main process's file). */
  lockoutRecord: LockoutState | undefined;
  printResult: PrintResult = { ok: true };
  private readonly vault: PinVault;

  constructor(now: () => number = Date.now) {
    this.vault = createPinVault(
      {
        readHash: async () => {
          const hash = this.secrets.get('pinHash');
          if (hash === undefined) return { kind: 'absent' };
          return this.secretStoreLocked ? { kind: 'unavailable' } : { kind: 'present', hash };
        },
        writeHash: async (hash) => this.seal('pinHash', hash),
        readLockout: async () => this.lockoutRecord,
        writeLockout: async (state) => {
          this.lockoutRecord = state;
        },
      },
      () => this.clock(),
    );
    this.clock = now;
  }

  /** The host's clock: tests on simulated time point it at their clock. */
  clock: () => number;

  private seal(name: SealedSecretName, value: string): SecretResult {
    if (!this.secretStoreAvailable) return { ok: false, reason: 'encryptionUnavailable' };
    this.secrets.set(name, value);
    return { ok: true };
  }

  async printReceipt(receipt: ReceiptToPrint): Promise<PrintResult> {
    this.printed.push(receipt);
    return this.printResult;
  }

  async writeSecret(name: SecretName, value: string): Promise<SecretResult> {
    return this.seal(name, value);
  }

  async readSecret(name: SecretName): Promise<string | null> {
    return this.secrets.get(name) ?? null;
  }

  pinLockState() {
    return this.vault.state();
  }

  unlockWithPin(pin: string) {
    return this.vault.unlock(pin);
  }

  setFirstPin(pin: string) {
    return this.vault.setFirstPin(pin);
  }

  changePin(currentPin: string, nextPin: string) {
    return this.vault.changePin(currentPin, nextPin);
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

/** The PIN methods of a fake host, as plain properties, for platform objects written inline. */
export function pinHostOf(host: FakePlatform = new FakePlatform()): PinHost {
  return {
    pinLockState: () => host.pinLockState(),
    unlockWithPin: (pin) => host.unlockWithPin(pin),
    setFirstPin: (pin) => host.setFirstPin(pin),
    changePin: (currentPin, nextPin) => host.changePin(currentPin, nextPin),
  };
}
