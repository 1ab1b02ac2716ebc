import type { KioskPlatform, PrintResult, ReceiptToPrint, SecretName, SecretResult } from '../../src/platform/types';

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
