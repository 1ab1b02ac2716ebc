import { readFileSync } from 'node:fs';
import { publicKeySetSchema, type VerifyResult } from '../../../src/domain/certificateToken';
import type { SigningKeyring } from '../certificates/signingKeyring';
import { PublicKeyIndex, verifyTokenSignature } from '../certificates/tokenSignature';
import { CommandError } from './commands';

/** The certificate keys from the command line: rotate, publish, trust another back office's, check a token offline. */

export function rotateSigningKey(keyring: SigningKeyring, now: Date, print: (line: string) => void): string {
  const previous = keyring.signingKey().keyId;
  const fresh = keyring.rotate(now);
  print(`Certificates are now signed with key ${fresh.keyId}; key ${previous} is retired (its certificates still verify).`);
  print('Publish the new key to offline verifiers: export-keys');
  return fresh.keyId;
}

export function exportKeys(keyring: SigningKeyring, print: (line: string) => void): void {
  print(JSON.stringify(keyring.publishedKeys(), null, 2));
}

function readKeySet(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CommandError(`cannot read the keys file ${file}: ${(error as Error).message}`);
  }
  const keys = publicKeySetSchema.safeParse(json);
  if (!keys.success) throw new CommandError(`${file} is not a key set as served at /api/v1/keys`);
  return keys.data;
}

export function trustKeys(keyring: SigningKeyring, file: string, print: (line: string) => void): number {
  const added = keyring.trust(readKeySet(file));
  print(added === 0 ? 'No new key: every key of that file was already known' : `Trusting ${added} more key(s): their certificates now verify here`);
  return added;
}

/**
 * The offline verifier: given only a key set (a file from /api/v1/keys) and a token, the same
 * answer as any back office holding those keys, without a database. It cannot know revocations.
 */
export function verifyOffline(keysFile: string, token: string, print: (line: string) => void): VerifyResult {
  const result = verifyTokenSignature(token, new PublicKeyIndex(readKeySet(keysFile).keys));
  // A token's names are text from outside: invisible and direction-changing characters are printed as \u escapes (still JSON).
  print(JSON.stringify(result, null, 2).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (char) => (char === '\n' ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)));
  return result;
}
