import path from 'node:path';
import type { LockoutState } from '../src/machines/supervisor/lockout';
import type { PinVaultStorage } from '../src/supervisor/pinVault';
import type { SecretFiles, SecretStore } from './secrets';

/**
 * The supervisor PIN's records in the main process, where the page cannot reach them: the hash
 * sealed by the OS key store like the device token, and the failure count in a file of its own
 * beside it (0600 in the 0700 secrets folder). The count needs no sealing, only to be out of the
 * page's hands; a damaged or unreadable file counts as failures (see createPinVault).
 */
export function createMainPinVaultStorage(secrets: SecretStore, files: SecretFiles, userData: string): PinVaultStorage {
  const directory = path.join(userData, 'secrets');
  const lockoutFile = path.join(directory, 'pinLockout.json');
  return {
    async readHash() {
      const stored = await secrets.inspect('pinHash');
      return stored.kind === 'present' ? { kind: 'present', hash: stored.value } : stored;
    },
    writeHash: (hash) => secrets.write('pinHash', hash),
    async readLockout() {
      const bytes = await files.readFile(lockoutFile).catch((error: unknown) => (isMissing(error) ? undefined : new Uint8Array()));
      if (bytes === undefined) return undefined;
      try {
        return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      } catch {
        return null;
      }
    },
    async writeLockout(state: LockoutState) {
      await files.mkdir(directory, { recursive: true, mode: 0o700 });
      // Written beside, then renamed: a power cut leaves the old count or the new one.
      const temporary = `${lockoutFile}.tmp`;
      await files.writeFile(temporary, new TextEncoder().encode(JSON.stringify(state)), { mode: 0o600 });
      await files.rename(temporary, lockoutFile);
    },
  };
}

/** Only "no such file" means no count yet; any other read error must not reset it. */
function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
