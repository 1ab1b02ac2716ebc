import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNING_KEYS_DIR, SigningKeyring } from '../../backoffice/src/certificates/signingKeyring';
import { PublicKeyIndex, signToken, verifyTokenSignature } from '../../backoffice/src/certificates/tokenSignature';
import { sampleClaims } from '../../scripts/sampleHolder';
import { base64UrlDecode, base64UrlEncode, parseToken } from '../../src/domain/certificateToken';

const CLAIMS = sampleClaims();

const folders: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shubbak-keys-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Changes one claim's text inside the token while keeping the original signature. */
function tamper(token: string, change: (tuple: string[]) => void): string {
  const [prefix, claims = '', signature] = token.split('.');
  const tuple = JSON.parse(new TextDecoder().decode(base64UrlDecode(claims)!)) as string[];
  change(tuple);
  return [prefix, base64UrlEncode(new TextEncoder().encode(JSON.stringify(tuple))), signature].join('.');
}

describe('certificate signing keys', () => {
  it('keeps the private key in a 0700 folder, in a 0600 file, and makes it once', () => {
    const data = dataDir();
    const keyring = SigningKeyring.open(data);
    const folder = join(data, SIGNING_KEYS_DIR);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const files = readdirSync(folder);
    expect(files.filter((f) => f.endsWith('.pem'))).toEqual([`${keyring.signingKey().keyId}.pem`]);
    for (const file of files) expect(statSync(join(folder, file)).mode & 0o777).toBe(0o600);
    expect(SigningKeyring.open(data).signingKey().keyId).toBe(keyring.signingKey().keyId);
  });

  it('signs a compact token that carries the claims and verifies with the public keys only', () => {
    const keyring = SigningKeyring.open(dataDir());
    const token = signToken(CLAIMS, keyring.signingKey());
    expect(token).toMatch(/^SHBK1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(token.length).toBeLessThan(300);
    const offline = new PublicKeyIndex(keyring.publishedKeys().keys);
    expect(verifyTokenSignature(token, offline)).toEqual({
      outcome: 'valid',
      claims: { ...CLAIMS, keyId: keyring.signingKey().keyId },
      revocationChecked: false,
    });
  });

  it.each([
    ['another name', (t: string[]) => void (t[4] = 'Someone Else')],
    ['another CIN', (t: string[]) => void (t[3] = 'AB654321')],
    ['another date', (t: string[]) => void (t[7] = '2027-01-01')],
  ])('calls a token with %s forged', (_what, change) => {
    const keyring = SigningKeyring.open(dataDir());
    const token = tamper(signToken(CLAIMS, keyring.signingKey()), change);
    expect(verifyTokenSignature(token, keyring.verificationKeys())).toEqual({ outcome: 'forged', reason: 'badSignature' });
  });

  it.each(['', 'hello', 'SHBK1.abc.def', 'SHBK2.e30.' + 'A'.repeat(86), 'SHBK1.W10.' + 'A'.repeat(86)])(
    'calls %j malformed',
    (token) => {
      const keyring = SigningKeyring.open(dataDir());
      expect(verifyTokenSignature(token, keyring.verificationKeys())).toEqual({ outcome: 'forged', reason: 'malformed' });
    },
  );

  it("refuses a token signed by a key it was never given (another back office's)", () => {
    const ours = SigningKeyring.open(dataDir());
    const theirs = SigningKeyring.open(dataDir());
    const token = signToken(CLAIMS, theirs.signingKey());
    expect(verifyTokenSignature(token, ours.verificationKeys())).toEqual({ outcome: 'forged', reason: 'unknownKey' });
    expect(ours.trust(theirs.publishedKeys())).toBe(1);
    expect(verifyTokenSignature(token, ours.verificationKeys()).outcome).toBe('valid');
    expect(ours.isOwnKey(theirs.signingKey().keyId)).toBe(false);
  });

  it('rotates: new certificates use the new key, old ones still verify, the old private key is gone', () => {
    const data = dataDir();
    const keyring = SigningKeyring.open(data);
    const oldKeyId = keyring.signingKey().keyId;
    const oldToken = signToken(CLAIMS, keyring.signingKey());
    const fresh = keyring.rotate(new Date('2026-12-03T08:00:00.000Z'));
    expect(fresh.keyId).not.toBe(oldKeyId);
    // A second handle (the running server while the CLI rotates) sees the rotation.
    const server = SigningKeyring.open(data);
    expect(server.signingKey().keyId).toBe(fresh.keyId);
    const newToken = signToken(CLAIMS, server.signingKey());
    expect(parseToken(newToken)).toMatchObject({ ok: true, claims: { keyId: fresh.keyId } });
    for (const token of [oldToken, newToken]) expect(verifyTokenSignature(token, server.verificationKeys()).outcome).toBe('valid');
    expect(existsSync(join(data, SIGNING_KEYS_DIR, `${oldKeyId}.pem`))).toBe(false);
    expect(server.publishedKeys().keys.map((k) => [k.keyId, k.retiredAt])).toEqual([
      [oldKeyId, '2026-12-03T08:00:00.000Z'],
      [fresh.keyId, null],
    ]);
  });

  it('says how to recover when the private key is lost, and rotating recovers', () => {
    const data = dataDir();
    const keyring = SigningKeyring.open(data);
    const oldToken = signToken(CLAIMS, keyring.signingKey());
    rmSync(join(data, SIGNING_KEYS_DIR, `${keyring.signingKey().keyId}.pem`));
    const restarted = SigningKeyring.open(data);
    expect(() => restarted.signingKey()).toThrow(/rotate-signing-key/);
    expect(verifyTokenSignature(oldToken, restarted.verificationKeys()).outcome).toBe('valid');
    restarted.rotate(new Date('2026-12-03T08:00:00.000Z'));
    expect(verifyTokenSignature(signToken(CLAIMS, restarted.signingKey()), restarted.verificationKeys()).outcome).toBe('valid');
  });
});
