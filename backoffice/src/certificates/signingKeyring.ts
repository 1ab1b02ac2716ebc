import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { base64UrlEncode, publicKeySchema, type PublicKey, type PublicKeySet } from '../../../src/domain/certificateToken';
import { keyIdOf, PublicKeyIndex, rawPublicKeyOf, type SigningKey } from './tokenSignature';

/**
 * The back office's certificate keys, in `<data>/signing-keys/` (mode 0700): `keys.json` lists
 * every public key this back office ever signed with (and the keys of other back offices it was
 * told to trust), `<keyId>.pem` holds the one private key in use (mode 0600). Rotating makes a new
 * pair and deletes the old private key; the old public key stays, so old certificates still verify.
 * Files are re-read when `keys.json` changes, so a rotation by the CLI reaches a running server.
 */

export const SIGNING_KEYS_DIR = 'signing-keys';
const MANIFEST = 'keys.json';

const manifestSchema = z.strictObject({
  current: z.string(),
  own: z.array(publicKeySchema).min(1),
  /** Public keys of other back offices whose certificates this one vouches for (signature only). */
  trusted: z.array(publicKeySchema),
});
type Manifest = z.infer<typeof manifestSchema>;

function writePrivate(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

function newKeyPair(now: Date): { key: SigningKey; pem: string; published: PublicKey } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKeyOf(publicKey);
  const keyId = keyIdOf(raw);
  return {
    key: { keyId, privateKey },
    pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    published: { keyId, algorithm: 'Ed25519', publicKey: base64UrlEncode(raw), createdAt: now.toISOString(), retiredAt: null },
  };
}

export class SigningKeyring {
  private cache: { version: string; manifest: Manifest; signing: SigningKey | null; index: PublicKeyIndex } | null = null;

  private constructor(readonly dir: string) {}

  /** Opens the keyring of a data folder, making the folder and the first key pair when there is none. */
  static open(dataDir: string, now: () => Date = () => new Date()): SigningKeyring {
    const dir = join(dataDir, SIGNING_KEYS_DIR);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const keyring = new SigningKeyring(dir);
    if (!existsSync(join(dir, MANIFEST))) {
      const first = newKeyPair(now());
      writePrivate(join(dir, `${first.key.keyId}.pem`), first.pem);
      keyring.writeManifest({ current: first.key.keyId, own: [first.published], trusted: [] });
    }
    return keyring;
  }

  private writeManifest(manifest: Manifest): void {
    writePrivate(join(this.dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    this.cache = null;
  }

  private load() {
    const file = join(this.dir, MANIFEST);
    // The manifest is replaced by a rename, so a new inode (or time) means it changed.
    const { mtimeMs, ino } = statSync(file);
    const version = `${ino}:${mtimeMs}`;
    if (this.cache?.version === version) return this.cache;
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const index = new PublicKeyIndex([...manifest.own, ...manifest.trusted]);
    this.cache = { version, manifest, signing: null, index };
    return this.cache;
  }

  /** The key that signs new certificates (read when first needed: verifying and rotating never need it). */
  signingKey(): SigningKey {
    const loaded = this.load();
    if (!loaded.signing) {
      const file = join(this.dir, `${loaded.manifest.current}.pem`);
      if (!existsSync(file)) throw new Error(`the signing key ${file} is missing: run rotate-signing-key to make a new one`);
      loaded.signing = { keyId: loaded.manifest.current, privateKey: createPrivateKey(readFileSync(file, 'utf8')) };
    }
    return loaded.signing;
  }

  /** This back office's own public keys, current and retired: what `/keys` publishes. */
  publishedKeys(): PublicKeySet {
    return { keys: this.load().manifest.own };
  }

  /** Own and trusted keys, for the signature check. */
  verificationKeys(): PublicKeyIndex {
    return this.load().index;
  }

  /** True when the key is one of this back office's own (so it must have a record of what it signed). */
  isOwnKey(keyId: string): boolean {
    return this.load().manifest.own.some((key) => key.keyId === keyId);
  }

  /** A new key pair signs from now on; the old private key is deleted and its public key retired, not removed. */
  rotate(now: Date): PublicKey {
    const manifest = this.load().manifest;
    const next = newKeyPair(now);
    writePrivate(join(this.dir, `${next.key.keyId}.pem`), next.pem);
    const own = manifest.own.map((key) => (key.retiredAt === null ? { ...key, retiredAt: now.toISOString() } : key));
    this.writeManifest({ ...manifest, current: next.key.keyId, own: [...own, next.published] });
    rmSync(join(this.dir, `${manifest.current}.pem`), { force: true });
    return next.published;
  }

  /** Adds another back office's public keys (from its `/keys`): its certificates then verify here too. */
  trust(keys: PublicKeySet): number {
    const manifest = this.load().manifest;
    const known = new Set([...manifest.own, ...manifest.trusted].map((key) => key.keyId));
    const added = keys.keys.filter((key) => !known.has(key.keyId));
    if (added.length > 0) this.writeManifest({ ...manifest, trusted: [...manifest.trusted, ...added] });
    return added.length;
  }
}
