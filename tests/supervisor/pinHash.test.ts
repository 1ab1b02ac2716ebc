import { describe, expect, it } from 'vitest';
import { constantTimeEqual, hashPin, parsePinHash, PIN_HASH_ITERATIONS, verifyPin } from '../../src/supervisor/pinHash';

describe('the supervisor PIN hash', () => {
  it('is stored as pbkdf2-sha256$<iterations>$<salt>$<hash> with at least 310,000 iterations and a 16-byte salt', async () => {
    const stored = await hashPin('482915');
    expect(stored).toMatch(/^pbkdf2-sha256\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const parsed = parsePinHash(stored)!;
    expect(PIN_HASH_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    expect(parsed.iterations).toBe(PIN_HASH_ITERATIONS);
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.hash).toHaveLength(32);
  });

  it('never contains the PIN itself', async () => {
    expect(await hashPin('482915')).not.toContain('482915');
  });

  it('uses a fresh random salt each time, so the same PIN hashes differently', async () => {
    const [a, b] = await Promise.all([hashPin('482915'), hashPin('482915')]);
    expect(parsePinHash(a)!.salt).not.toEqual(parsePinHash(b)!.salt);
    expect(a).not.toBe(b);
  });

  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('482915');
    expect(await verifyPin('482915', stored)).toBe(true);
    expect(await verifyPin('482916', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it.each([
    ['another scheme', 'sha1$310000$AAAA$AAAA'],
    ['missing parts', 'pbkdf2-sha256$310000$AAAA'],
    ['non-numeric iterations', 'pbkdf2-sha256$many$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
    ['a hash of the wrong length', 'pbkdf2-sha256$310000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
    ['broken base64', 'pbkdf2-sha256$310000$!!!$???'],
    ['the PIN in clear', '482915'],
  ])('never verifies a stored value with %s', async (_label, stored) => {
    expect(parsePinHash(stored)).toBeNull();
    expect(await verifyPin('482915', stored)).toBe(false);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    [[1, 2, 3], [1, 2, 3], true],
    [[1, 2, 3], [1, 2, 4], false],
    [[9, 2, 3], [1, 2, 3], false],
    [[1, 2, 3], [1, 2], false],
    [[], [], true],
    [[0], [], false],
  ])('compares %j and %j as %s', (a, b, expected) => {
    expect(constantTimeEqual(Uint8Array.from(a), Uint8Array.from(b))).toBe(expected);
  });

  it('looks at every byte instead of stopping at the first difference', () => {
    // A proxy counts index reads: an early-exit comparison would read only the first byte.
    const reads: number[] = [];
    const watched = (bytes: Uint8Array) =>
      new Proxy(bytes, {
        get(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads.push(Number(key));
          return Reflect.get(target, key) as unknown;
        },
      });
    constantTimeEqual(watched(Uint8Array.from([0, 1, 2, 3])), Uint8Array.from([9, 1, 2, 3]));
    expect(new Set(reads)).toEqual(new Set([0, 1, 2, 3]));
  });
});
