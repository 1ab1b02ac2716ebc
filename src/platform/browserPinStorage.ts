import type { LockoutState } from '../machines/supervisor/lockout';
import type { PinVaultStorage } from '../supervisor/pinVault';
import type { BrowserSecretStore } from './browserSecrets';

const LOCKOUT_RECORD = 'pinLockout';

/**
 * The browser fallback's PIN records: the hash sealed like the device token, the failure count
 * beside it in the platform's own database. Both sit in the page's origin, so a script running in
 * the page could reach them: docs/security.md says what that leaves open and what covers it.
 */
export function createBrowserPinStorage(secrets: BrowserSecretStore): PinVaultStorage {
  return {
    async readHash() {
      const stored = await secrets.inspect('pinHash');
      return stored.kind === 'present' ? { kind: 'present', hash: stored.value } : stored;
    },
    writeHash: (hash) => secrets.write('pinHash', hash),
    readLockout: () => secrets.readRecord(LOCKOUT_RECORD),
    writeLockout: (state: LockoutState) => secrets.writeRecord(LOCKOUT_RECORD, state),
  };
}
