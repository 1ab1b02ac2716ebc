import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBrowserSecretStore, SECRETS_DATABASE } from '../../src/platform/browserSecrets';
import { openDatabase, readValue, writeValue } from '../../src/platform/idb';

const TOKEN = 'device-token-5f0c1e9a7b3d';

function bytesContain(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) if (haystack[start + offset] !== needle[offset]) continue outer;
    return true;
  }
  return false;
}

describe('browser fallback secrets', () => {
  it('round-trips a secret', async () => {
    const store = createBrowserSecretStore(new IDBFactory(), crypto);
    expect(await store.write('deviceToken', TOKEN)).toEqual({ ok: true });
    expect(await store.read('deviceToken')).toBe(TOKEN);
  });

  it('keeps secrets across a page reload (a new store over the same databases)', async () => {
    const indexedDB = new IDBFactory();
    await createBrowserSecretStore(indexedDB, crypto).write('pinHash', 'scrypt$abc');
    expect(await createBrowserSecretStore(indexedDB, crypto).read('pinHash')).toBe('scrypt$abc');
  });

  it('stores nothing in clear: the record is AES-GCM ciphertext and the key cannot be exported', async () => {
    const indexedDB = new IDBFactory();
    await createBrowserSecretStore(indexedDB, crypto).write('deviceToken', TOKEN);
    const db = await openDatabase(indexedDB, SECRETS_DATABASE, ['keys', 'sealed']);
    const record = (await readValue(db, 'sealed', 'deviceToken')) as { iv: Uint8Array; ciphertext: ArrayBuffer };
    expect(JSON.stringify(record)).not.toContain(TOKEN);
    expect(bytesContain(new Uint8Array(record.ciphertext), new TextEncoder().encode(TOKEN))).toBe(false);
    expect(record.iv).toHaveLength(12);
    const key = (await readValue(db, 'keys', 'sealing')) as CryptoKey;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    db.close();
  });

  it('uses a fresh IV for every write', async () => {
    const indexedDB = new IDBFactory();
    const store = createBrowserSecretStore(indexedDB, crypto);
    await store.write('deviceToken', TOKEN);
    const db = await openDatabase(indexedDB, SECRETS_DATABASE, ['keys', 'sealed']);
    const first = (await readValue(db, 'sealed', 'deviceToken')) as { iv: Uint8Array };
    await store.write('deviceToken', TOKEN);
    const second = (await readValue(db, 'sealed', 'deviceToken')) as { iv: Uint8Array };
    expect([...second.iv]).not.toEqual([...first.iv]);
    db.close();
  });

  it('refuses a record moved under another name', async () => {
    const indexedDB = new IDBFactory();
    const store = createBrowserSecretStore(indexedDB, crypto);
    await store.write('deviceToken', TOKEN);
    const db = await openDatabase(indexedDB, SECRETS_DATABASE, ['keys', 'sealed']);
    await writeValue(db, 'sealed', 'pinHash', await readValue(db, 'sealed', 'deviceToken'));
    db.close();
    expect(await store.read('pinHash')).toBeNull();
  });

  it('reads null for a secret never written', async () => {
    expect(await createBrowserSecretStore(new IDBFactory(), crypto).read('pinHash')).toBeNull();
  });

  it('refuses with encryptionUnavailable where WebCrypto is missing (an insecure origin)', async () => {
    const noSubtle = { getRandomValues: crypto.getRandomValues.bind(crypto) } as unknown as Crypto;
    expect(await createBrowserSecretStore(new IDBFactory(), noSubtle).write('deviceToken', TOKEN)).toEqual({ ok: false, reason: 'encryptionUnavailable' });
  });
});
