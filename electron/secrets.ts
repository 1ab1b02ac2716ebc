import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretName, SecretResult } from '../src/platform/types';

/** The file operations the store needs (node:fs/promises satisfies it). */
export interface SecretFiles {
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: Uint8Array, options: { mode: number }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(directory: string, options: { recursive: true; mode: number }): Promise<unknown>;
}

export type SecretSealer = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface SecretStore {
  write(name: SecretName, value: string): Promise<SecretResult>;
  read(name: SecretName): Promise<string | null>;
}

/**
 * Secrets (the device token, the supervisor PIN hash) sealed by the operating system's key store
 * through `safeStorage`, one ciphertext file each under `<userData>/secrets`. When the OS cannot
 * seal — or on Linux only offers `basic_text`, a key built into Chromium that protects nothing —
 * the write is refused and nothing touches the disk: a clear-text fallback would defeat the point.
 */
export function createSecretStore(safeStorage: SecretSealer, files: SecretFiles, userData: string): SecretStore {
  const directory = path.join(userData, 'secrets');
  const fileOf = (name: SecretName): string => path.join(directory, `${name}.sealed`);
  const canSeal = (): boolean => safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';

  return {
    async write(name, value) {
      if (!canSeal()) return { ok: false, reason: 'encryptionUnavailable' };
      try {
        const sealed = safeStorage.encryptString(value);
        await files.mkdir(directory, { recursive: true, mode: 0o700 });
        // Written beside, then renamed: a power cut leaves the old secret or the new one, never half of one.
        const temporary = `${fileOf(name)}.tmp`;
        await files.writeFile(temporary, sealed, { mode: 0o600 });
        await files.rename(temporary, fileOf(name));
        return { ok: true };
      } catch {
        return { ok: false, reason: 'failed' };
      }
    },
    async read(name) {
      if (!canSeal()) return null;
      const sealed = await files.readFile(fileOf(name)).catch(() => null);
      if (sealed === null) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed));
      } catch {
        // Sealed under another OS account or a reset key ring: as good as absent; enrolment starts again.
        return null;
      }
    },
  };
}
