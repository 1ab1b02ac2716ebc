import { hash, verify } from '@node-rs/argon2';

/**
 * Staff passwords, hashed with argon2id (the package's default algorithm) at OWASP's minimum
 * cost: 19 MiB, 2 passes, 1 lane. The PHC string carries its parameters, so raising the cost
 * later leaves older hashes verifiable.
 */
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

/** A fixed hash, verified when the login is unknown so that the answer takes as long as for a known one. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hashPassword('no account has this password');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
