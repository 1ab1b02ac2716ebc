import { z } from 'zod';
import { afterFailure, NO_LOCKOUT, remainingLockoutMs, type LockoutState } from '../machines/supervisor/lockout';
import { pinChoiceProblem } from '../machines/supervisor/pinPolicy';
import type { ChangePinOutcome, LockStateSnapshot, PinCheckOutcome, SavePinOutcome } from '../machines/supervisor/types';
import type { SecretResult } from '../platform/types';
import { hashPin, verifyPin } from './pinHash';

/** The PIN hash as the host's secret store holds it: absent, readable, or there but unreadable now. */
export type StoredPinHash = { kind: 'absent' } | { kind: 'present'; hash: string } | { kind: 'unavailable' };

/**
 * Where a vault keeps its two records. The Electron main process backs it with `safeStorage` and
 * a file beside the sealed secrets (electron/pinVaultStorage.ts), out of the page's reach; the
 * browser fallback with its own IndexedDB database (src/platform/browserPinStorage.ts).
 */
export interface PinVaultStorage {
  readHash(): Promise<StoredPinHash>;
  writeHash(hash: string): Promise<SecretResult>;
  /** The raw record, parsed by the vault; undefined when none was ever written. */
  readLockout(): Promise<unknown>;
  writeLockout(state: LockoutState): Promise<void>;
}

/**
 * The supervisor PIN behind one door: the page asks "unlock with this PIN", "set the first PIN",
 * "change it from this one to that one", and never sees the hash or the failure count's record.
 * In Electron this runs in the main process (electron/ipc/unlockWithPin.ts and siblings).
 */
export interface PinVault {
  state(): Promise<LockStateSnapshot>;
  unlock(pin: string): Promise<PinCheckOutcome>;
  /** Refused once a PIN exists, or while the store cannot tell whether one does. */
  setFirstPin(pin: string): Promise<SavePinOutcome>;
  changePin(currentPin: string, nextPin: string): Promise<ChangePinOutcome>;
}

const lockoutSchema = z.object({
  failures: z.int().min(0).max(1_000_000),
  lockedUntil: z.number().nullable(),
});

export function createPinVault(storage: PinVaultStorage, now: () => number): PinVault {
  // One operation at a time, so two quick submissions cannot both read the same count.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function readLockout(): Promise<LockoutState> {
    const raw = await storage.readLockout();
    if (raw === undefined) return NO_LOCKOUT;
    const parsed = lockoutSchema.safeParse(raw);
    // A damaged record must not erase past failures into a free pass: count it as one lockout step.
    return parsed.success ? parsed.data : afterFailure({ failures: 2, lockedUntil: null }, now());
  }

  async function unlockNow(pin: string): Promise<PinCheckOutcome> {
    const lockout = await readLockout();
    if (remainingLockoutMs(lockout, now()) > 0) return { kind: 'lockedOut', lockout };
    const stored = await storage.readHash();
    // Nothing to compare with yet: not a wrong PIN, and not "no PIN" either.
    if (stored.kind === 'unavailable') return { kind: 'storeLocked', lockout };
    if (stored.kind === 'present' && (await verifyPin(pin, stored.hash))) {
      await storage.writeLockout(NO_LOCKOUT);
      return { kind: 'ok', lockout: NO_LOCKOUT };
    }
    const next = afterFailure(lockout, now());
    await storage.writeLockout(next);
    return { kind: 'wrong', lockout: next };
  }

  async function writePin(pin: string): Promise<SavePinOutcome> {
    if (pinChoiceProblem(pin) !== null) return { ok: false, reason: 'failed' };
    // Only the hash leaves this function; when the secret store refuses, nothing is kept anywhere.
    const result = await storage.writeHash(await hashPin(pin));
    return result.ok ? { ok: true } : { ok: false, reason: result.reason };
  }

  return {
    async state() {
      const [stored, lockout] = await Promise.all([storage.readHash(), readLockout()]);
      const pin = stored.kind === 'present' ? 'set' : stored.kind === 'absent' ? 'none' : 'storeLocked';
      return { pin, lockout };
    },
    unlock: (pin) => serialised(() => unlockNow(pin)),
    setFirstPin: (pin) =>
      serialised(async () => {
        const stored = await storage.readHash();
        if (stored.kind === 'present') return { ok: false, reason: 'pinAlreadySet' };
        if (stored.kind === 'unavailable') return { ok: false, reason: 'storeLocked' };
        return writePin(pin);
      }),
    changePin: (currentPin, nextPin) =>
      serialised(async () => {
        // A wrong current PIN counts as a failed attempt: the form is no way round the lockout.
        const check = await unlockNow(currentPin);
        if (check.kind === 'lockedOut') return { ok: false, reason: 'lockedOut' };
        if (check.kind === 'storeLocked') return { ok: false, reason: 'storeLocked' };
        if (check.kind === 'wrong') return { ok: false, reason: 'wrongPin' };
        const problem = pinChoiceProblem(nextPin);
        if (problem !== null) return { ok: false, reason: problem };
        const saved = await writePin(nextPin);
        if (saved.ok) return { ok: true };
        return { ok: false, reason: saved.reason === 'encryptionUnavailable' ? 'encryptionUnavailable' : 'saveFailed' };
      }),
  };
}
