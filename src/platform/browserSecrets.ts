import type { SealedSecretName, SecretResult } from './types';
import { keepFirst, openDatabase, readValue, writeValue } from './idb';

export const SECRETS_DATABASE = 'shubbak-secrets';
const KEYS = 'keys';
const SEALED = 'sealed';
const SEALING_KEY = 'sealing';

interface SealedSecret {
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

/** A secret as found: absent, opened, or there but impossible to open now. */
export type BrowserStoredSecret = { kind: 'absent' } | { kind: 'present'; value: string } | { kind: 'unavailable' };

export interface BrowserSecretStore {
  write(name: SealedSecretName, value: string): Promise<SecretResult>;
  /** Null when absent or unreadable. */
  read(name: SealedSecretName): Promise<string | null>;
  /** Tells "never written" from "written but not readable now". */
  inspect(name: SealedSecretName): Promise<BrowserStoredSecret>;
  /** The platform's own small records (the PIN's failure count), beside the sealed ones, unsealed. */
  readRecord(key: string): Promise<unknown>;
  writeRecord(key: string, value: unknown): Promise<void>;
}

/** Records share the sealed store under a prefix no secret name has, so the database keeps its version. */
const recordKey = (key: string): string => `record:${key}`;

// Tag checks rather than instanceof: values read back from IndexedDB may come from another realm.
const tagOf = (value: unknown): string => Object.prototype.toString.call(value);

function isSealedSecret(value: unknown): value is SealedSecret {
  return typeof value === 'object' && value !== null && 'iv' in value && tagOf(value.iv) === '[object Uint8Array]' && 'ciphertext' in value && tagOf(value.ciphertext) === '[object ArrayBuffer]';
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return tagOf(value) === '[object CryptoKey]';
}

/**
 * Secrets sealed with AES-GCM under a non-extractable WebCrypto key kept in its own IndexedDB
 * database: script can use the key but never read it out, and the stored records are ciphertext.
 * The secret's name is the additional data, so a record copied under another name fails to open.
 * Weaker than the OS key store (anyone with this browser profile can use the key): see
 * docs/security.md.
 */
export function createBrowserSecretStore(indexedDB: IDBFactory, crypto: Crypto): BrowserSecretStore {
  let database: Promise<IDBDatabase> | undefined;
  let sealingKey: Promise<CryptoKey> | undefined;
  const db = (): Promise<IDBDatabase> => (database ??= openDatabase(indexedDB, SECRETS_DATABASE, [KEYS, SEALED]));
  const key = (): Promise<CryptoKey> =>
    (sealingKey ??= (async () => {
      const existing = await readValue(await db(), KEYS, SEALING_KEY);
      if (isCryptoKey(existing)) return existing;
      const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      return keepFirst(await db(), KEYS, SEALING_KEY, fresh);
    })());
  const additionalData = (name: SealedSecretName): Uint8Array<ArrayBuffer> => new TextEncoder().encode(`shubbak-secret:${name}`);

  async function inspect(name: SealedSecretName): Promise<BrowserStoredSecret> {
    const sealed = await readValue(await db(), SEALED, name);
    if (sealed === undefined) return { kind: 'absent' };
    if (!crypto.subtle || !isSealedSecret(sealed)) return { kind: 'unavailable' };
    try {
      const clear = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: additionalData(name) }, await key(), sealed.ciphertext);
      return { kind: 'present', value: new TextDecoder().decode(clear) };
    } catch {
      return { kind: 'unavailable' };
    }
  }

  return {
    inspect,
    readRecord: async (key) => readValue(await db(), SEALED, recordKey(key)),
    writeRecord: async (key, value) => writeValue(await db(), SEALED, recordKey(key), value),
    async write(name, value) {
      if (!crypto.subtle) return { ok: false, reason: 'encryptionUnavailable' };
      try {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(name) }, await key(), new TextEncoder().encode(value));
        await writeValue(await db(), SEALED, name, { iv, ciphertext } satisfies SealedSecret);
        return { ok: true };
      } catch {
        sealingKey = undefined;
        return { ok: false, reason: 'failed' };
      }
    },
    async read(name) {
      // A record sealed under a lost key or tampered with is as good as absent.
      const stored = await inspect(name).catch(() => ({ kind: 'unavailable' }) as const);
      return stored.kind === 'present' ? stored.value : null;
    },
  };
}
