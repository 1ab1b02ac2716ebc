import { describe, expect, it, vi } from 'vitest';
import { createSecretStore, type SecretFiles, type SecretSealer } from '../../electron/secrets';

const USER_DATA = '/home/kiosk/.config/Shubbak';

function memoryFiles() {
  const stored = new Map<string, Uint8Array>();
  const files: SecretFiles = {
    readFile: vi.fn(async (file: string) => {
      const data = stored.get(file);
      if (!data) throw new Error('ENOENT');
      return data;
    }),
    writeFile: vi.fn(async (file: string, data: Uint8Array) => {
      stored.set(file, data);
    }),
    rename: vi.fn(async (from: string, to: string) => {
      stored.set(to, stored.get(from)!);
      stored.delete(from);
    }),
    mkdir: vi.fn(async () => undefined),
  };
  return { files, stored };
}

/** Seals by reversing the bytes and prefixing a marker: enough to tell sealed from clear. */
function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret') {
  const calls: string[] = [];
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => {
      calls.push('isEncryptionAvailable');
      return available;
    }),
    encryptString: vi.fn((text: string) => {
      calls.push('encryptString');
      return Buffer.concat([Buffer.from('SEALED:'), Buffer.from(text).reverse()]);
    }),
    decryptString: vi.fn((sealed: Buffer) => {
      if (!sealed.subarray(0, 7).equals(Buffer.from('SEALED:'))) throw new Error('not sealed');
      return Buffer.from(sealed.subarray(7)).reverse().toString();
    }),
    getSelectedStorageBackend: vi.fn(() => backend),
  };
  return { safeStorage: safeStorage as SecretSealer & typeof safeStorage, calls };
}

describe('secrets sealed', () => {
  it('checks isEncryptionAvailable() before encryptString', async () => {
    const { safeStorage, calls } = fakeSafeStorage(true);
    await createSecretStore(safeStorage, memoryFiles().files, USER_DATA).write('deviceToken', 'tok-123');
    expect(calls.indexOf('isEncryptionAvailable')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('isEncryptionAvailable')).toBeLessThan(calls.indexOf('encryptString'));
  });

  it('refuses with encryptionUnavailable and writes nothing when the OS cannot seal', async () => {
    const { safeStorage } = fakeSafeStorage(false);
    const { files, stored } = memoryFiles();
    const result = await createSecretStore(safeStorage, files, USER_DATA).write('deviceToken', 'tok-123');
    expect(result).toEqual({ ok: false, reason: 'encryptionUnavailable' });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(files.writeFile).not.toHaveBeenCalled();
    expect(stored.size).toBe(0);
  });

  it("refuses Linux's basic_text backend, whose key is built into Chromium", async () => {
    const { safeStorage } = fakeSafeStorage(true, 'basic_text');
    const { files } = memoryFiles();
    expect(await createSecretStore(safeStorage, files, USER_DATA).write('pinHash', 'h')).toEqual({ ok: false, reason: 'encryptionUnavailable' });
    expect(files.writeFile).not.toHaveBeenCalled();
  });

  it('stores only ciphertext, in a private file under userData, and reads the secret back', async () => {
    const { safeStorage } = fakeSafeStorage(true);
    const { files, stored } = memoryFiles();
    const store = createSecretStore(safeStorage, files, USER_DATA);
    expect(await store.write('deviceToken', 'tok-123')).toEqual({ ok: true });
    expect([...stored.keys()]).toEqual([`${USER_DATA}/secrets/deviceToken.sealed`]);
    expect(Buffer.from(stored.get(`${USER_DATA}/secrets/deviceToken.sealed`)!).toString()).not.toContain('tok-123');
    expect(files.writeFile).toHaveBeenCalledWith(expect.any(String), expect.any(Uint8Array), { mode: 0o600 });
    expect(await store.read('deviceToken')).toBe('tok-123');
  });

  it('reads null for a secret never written or sealed by another account', async () => {
    const { safeStorage } = fakeSafeStorage(true);
    const { files, stored } = memoryFiles();
    const store = createSecretStore(safeStorage, files, USER_DATA);
    expect(await store.read('pinHash')).toBeNull();
    stored.set(`${USER_DATA}/secrets/pinHash.sealed`, Buffer.from('garbage'));
    expect(await store.read('pinHash')).toBeNull();
  });

  it('reports a failed write instead of throwing', async () => {
    const { safeStorage } = fakeSafeStorage(true);
    const { files } = memoryFiles();
    vi.mocked(files.writeFile).mockRejectedValueOnce(new Error('ENOSPC'));
    expect(await createSecretStore(safeStorage, files, USER_DATA).write('deviceToken', 't')).toEqual({ ok: false, reason: 'failed' });
  });
});
