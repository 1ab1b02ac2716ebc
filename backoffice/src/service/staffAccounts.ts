import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { StaffRole } from '../../../src/domain/console/roles';
import { staffLoginSchema } from '../../../src/domain/console/session';
import { checkFreeText } from '../../../src/domain/text';
import { TRACKING_ALPHABET } from '../../../src/domain/trackingCode';
import { ApiError } from './apiError';
import { hashSecret } from './secrets';
import type { StaffAccount, StaffStore } from '../store/staffTypes';

/** A person's name: one visible name, as the CLI's office and staff names. */
const STAFF_NAME_RULE = { max: 120, letterRequired: true } as const;

/** An activation (or reset) code is valid this long: long enough to hand over, short enough not to linger. */
export const ACTIVATION_TTL_HOURS = 72;

/** `XXXX-XXXX-XXXX` in the tracking alphabet: 32^12 ≈ 10^18, read aloud without confusion. */
export function newActivationCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** "Amina El Idrissi" → `amina.el.idrissi` (Latin letters without accents); a name with none gets `staff`. */
export function loginFromName(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 32)
    .replace(/\.+$/, '');
  return folded.length >= 2 ? folded : 'staff';
}

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

function activationFor(now: Date): IssuedCode & { hash: string } {
  const code = newActivationCode();
  return { code, hash: hashSecret(code), expiresAt: new Date(now.getTime() + ACTIVATION_TTL_HOURS * 3_600_000).toISOString() };
}

/**
 * A new account with a role in one office, and its one-time activation code (shown once; only
 * its hash is kept). Without a chosen login, one is made from the name, numbered if taken.
 */
export async function createStaffAccount(
  store: StaffStore,
  input: { officeId: string; role: StaffRole; name: string; login?: string | undefined },
  now: Date,
): Promise<{ account: StaffAccount } & IssuedCode> {
  // Staff names are shown in the console and printed by the CLI: cleaned by the shared text rule.
  const checked = checkFreeText(input.name, STAFF_NAME_RULE);
  if (!checked.ok) throw new ApiError(400, 'invalid_body', `A staff member needs a name (${checked.code}; at most ${checked.max} characters).`);
  const name = checked.value;
  const activation = activationFor(now);
  const base = input.login === undefined ? loginFromName(name) : staffLoginSchema.parse(input.login);
  for (let attempt = 1; attempt <= 50; attempt++) {
    const login = attempt === 1 ? base : `${base}${attempt}`;
    const id = uuidv7();
    const outcome = await store.createStaffAccount({
      id,
      login,
      name,
      officeId: input.officeId,
      role: input.role,
      activationHash: activation.hash,
      activationExpiresAt: activation.expiresAt,
      createdAt: now.toISOString(),
    });
    if (outcome === 'created') return { account: (await store.getStaffAccount(id))!, code: activation.code, expiresAt: activation.expiresAt };
    if (input.login !== undefined) throw new ApiError(409, 'login_taken', `The login ${login} is taken.`);
  }
  throw new ApiError(409, 'login_taken', `Every login from ${base} to ${base}50 is taken; choose one.`);
}

/** Clears the password, ends every session, and issues a new activation code. */
export async function resetStaffPassword(store: StaffStore, staffId: string, now: Date): Promise<IssuedCode> {
  const activation = activationFor(now);
  await store.resetStaffPassword({ staffId, activationHash: activation.hash, activationExpiresAt: activation.expiresAt, at: now.toISOString() });
  return { code: activation.code, expiresAt: activation.expiresAt };
}
