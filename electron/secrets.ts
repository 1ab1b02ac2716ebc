import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { SealedSecretName, SecretResult } from '../src/platform/types';

/** The file operations the store needs (node:fs/promises satisfies it). */
export interface SecretFiles {
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: Uint8Array, options: { mode: number }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(directory: string, options: { recursive: true; mode: number }): Promise<unknown>;
}

export type SecretSealer = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/** A secret as found on disk: absent, opened, or there but impossible to open now. */
export type StoredSecret = { kind: 'absent' } | { kind: 'present'; value: string } | { kind: 'unavailable' };

export interface SecretStore {
  write(name: SealedSecretName, value: string): Promise<SecretResult>;
  /** Null when absent or unreadable: for secrets whose absence is harmless (the device token asks for an enrolment). */
  read(name: SealedSecretName): Promise<string | null>;
  /** Tells "never written" from "written but not readable now" (key ring still locked, sealed under another key). */
  inspect(name: SealedSecretName): Promise<StoredSecret>;
}

/**
 * Secrets (the device token, the supervisor PIN hash) sealed by the operating system's key store
 * through `safeStorage`, one ciphertext file each under `<userData>/secrets`. When the OS cannot
 * seal — or on Linux only offers `basic_text`, a key built into Chromium that protects nothing —
 * the write is refused and nothing touches the disk: a clear-text fallback would defeat the point.
 */
export function createSecretStore(safeStorage: SecretSealer, files: SecretFiles, userData: string): SecretStore {
  const directory = path.join(userData, 'secrets');
  const fileOf = (name: SealedSecretName): string => path.join(directory, `${name}.sealed`);
  const canSeal = (): boolean => safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';

  async function inspect(name: SealedSecretName): Promise<StoredSecret> {
    const sealed = await files.readFile(fileOf(name)).catch(() => null);
    if (sealed === null) return { kind: 'absent' };
    // A file is there: whatever stops us opening it, it is not "no secret".
    if (!canSeal()) return { kind: 'unavailable' };
    try {
      return { kind: 'present', value: safeStorage.decryptString(Buffer.from(sealed)) };
    } catch {
      return { kind: 'unavailable' };
    }
  }

  return {
    inspect,
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
      // Sealed under another OS account, a reset or locked key ring: as good as absent; enrolment starts again.
      const stored = await inspect(name);
      return stored.kind === 'present' ? stored.value : null;
    },
  };
}
