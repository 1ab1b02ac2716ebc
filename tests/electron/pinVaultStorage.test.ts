import { describe, expect, it, vi } from 'vitest';
import { createMainPinVaultStorage } from '../../electron/pinVaultStorage';
import { createSecretStore, type SecretFiles, type SecretSealer } from '../../electron/secrets';
import { createPinVault } from '../../src/supervisor/pinVault';

const USER_DATA = '/home/kiosk/.config/Shubbak';
const NOW = 1_700_000_000_000;

function memoryFiles() {
  const stored = new Map<string, Uint8Array>();
  const modes = new Map<string, number>();
  const files: SecretFiles = {
    readFile: vi.fn(async (file: string) => {
      const data = stored.get(file);
      if (!data) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return data;
    }),
    writeFile: vi.fn(async (file: string, data: Uint8Array, options: { mode: number }) => {
      stored.set(file, data);
      modes.set(file, options.mode);
    }),
    rename: vi.fn(async (from: string, to: string) => {
      stored.set(to, stored.get(from)!);
      modes.set(to, modes.get(from)!);
      stored.delete(from);
    }),
    mkdir: vi.fn(async () => undefined),
  };
  return { files, stored, modes };
}

/** A key store that seals by prefixing a marker, and can be locked like a key ring before login. */
function keyRing() {
  const ring = { locked: false };
  const safeStorage: SecretSealer = {
    isEncryptionAvailable: () => !ring.locked,
    encryptString: (text: string) => Buffer.concat([Buffer.from('SEALED:'), Buffer.from(text)]),
    decryptString: (sealed: Buffer) => {
      if (ring.locked) throw new Error('key ring locked');
      return sealed.subarray(7).toString();
    },
  };
  return { safeStorage, ring };
}

function mainVault() {
  const { files, stored, modes } = memoryFiles();
  const { safeStorage, ring } = keyRing();
  const vault = createPinVault(createMainPinVaultStorage(createSecretStore(safeStorage, files, USER_DATA), files, USER_DATA), () => NOW);
  return { vault, stored, modes, ring };
}

describe("the main process's PIN records", () => {
  it('keeps a set PIN for a key ring that is still locked: "the store is locked", not "no PIN yet"', async () => {
    const { vault, ring } = mainVault();
    expect(await vault.setFirstPin('482915')).toEqual({ ok: true });
    ring.locked = true;
    expect((await vault.state()).pin).toBe('storeLocked');
    expect(await vault.setFirstPin('739164')).toEqual({ ok: false, reason: 'storeLocked' });
    ring.locked = false;
    expect((await vault.unlock('482915')).kind).toBe('ok');
  });

  it('says "no PIN yet" only when no PIN was ever sealed', async () => {
    const { vault, ring } = mainVault();
    ring.locked = true;
    expect((await vault.state()).pin).toBe('none');
  });

  it('keeps the failure count in a 0600 file beside the sealed secrets, out of the page', async () => {
    const { vault, stored, modes } = mainVault();
    await vault.setFirstPin('482915');
    await vault.unlock('111390');
    const file = `${USER_DATA}/secrets/pinLockout.json`;
    expect(JSON.parse(Buffer.from(stored.get(file)!).toString())).toEqual({ failures: 1, lockedUntil: null });
    expect(modes.get(file)).toBe(0o600);
  });

  it('counts a damaged count file as a lockout step', async () => {
    const { vault, stored } = mainVault();
    await vault.setFirstPin('482915');
    stored.set(`${USER_DATA}/secrets/pinLockout.json`, Buffer.from('{"failures":'));
    expect((await vault.state()).lockout).toEqual({ failures: 3, lockedUntil: NOW + 30_000 });
  });
});
