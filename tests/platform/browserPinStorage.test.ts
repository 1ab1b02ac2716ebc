import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBrowserPinStorage } from '../../src/platform/browserPinStorage';
import { createBrowserSecretStore, SECRETS_DATABASE } from '../../src/platform/browserSecrets';
import { openDatabase, writeValue } from '../../src/platform/idb';
import { createPinVault } from '../../src/supervisor/pinVault';

const NOW = 1_700_000_000_000;

function browserVault(indexedDB: IDBFactory) {
  return createPinVault(createBrowserPinStorage(createBrowserSecretStore(indexedDB, crypto)), () => NOW);
}

describe("the browser fallback's PIN", () => {
  it('keeps the PIN and the failure count across a page reload', async () => {
    const indexedDB = new IDBFactory();
    expect(await browserVault(indexedDB).setFirstPin('482915')).toEqual({ ok: true });
    await browserVault(indexedDB).unlock('111390');
    expect(await browserVault(indexedDB).state()).toEqual({ pin: 'set', lockout: { failures: 1, lockedUntil: null } });
    expect((await browserVault(indexedDB).unlock('482915')).kind).toBe('ok');
  });

  it('takes a PIN record it cannot open for a locked store, not for "no PIN yet"', async () => {
    const indexedDB = new IDBFactory();
    await browserVault(indexedDB).setFirstPin('482915');
    // The sealing key lost (profile partly cleared): the sealed record stays but cannot be opened.
    const db = await openDatabase(indexedDB, SECRETS_DATABASE, ['keys', 'sealed']);
    await writeValue(db, 'keys', 'sealing', await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
    db.close();
    const vault = browserVault(indexedDB);
    expect((await vault.state()).pin).toBe('storeLocked');
    expect(await vault.setFirstPin('739164')).toEqual({ ok: false, reason: 'storeLocked' });
  });
});
