import { z } from 'zod';
import { afterFailure, NO_LOCKOUT, remainingLockoutMs, type LockoutState } from '../machines/supervisor/lockout';
import { pinChoiceProblem, type PinChoiceProblem } from '../machines/supervisor/pinPolicy';
import type { LockStateSnapshot, PinCheckOutcome, SavePinOutcome } from '../machines/supervisor/types';
import type { KioskPlatform } from '../platform/types';
import { appendAudit } from '../storage/audit';
import type { ShubbakDb } from '../storage/db';
import { readMeta, writeMeta } from '../storage/meta';
import { hashPin, verifyPin } from './pinHash';

/** Kept in IndexedDB so that a restart never resets the count of wrong PINs. */
export const LOCKOUT_META_KEY = 'supervisorLockout';

const lockoutSchema = z.object({
  failures: z.int().min(0),
  lockedUntil: z.number().nullable(),
});

export type ChangePinOutcome =
  | { ok: true }
  | { ok: false; reason: 'wrongPin' | 'lockedOut' | PinChoiceProblem | 'encryptionUnavailable' | 'saveFailed' };

export interface PinLock {
  loadLockState(): Promise<LockStateSnapshot>;
  checkPin(pin: string): Promise<PinCheckOutcome>;
  savePin(pin: string): Promise<SavePinOutcome>;
  changePin(currentPin: string, nextPin: string): Promise<ChangePinOutcome>;
}

export function createPinLock(deps: { db: ShubbakDb; platform: Pick<KioskPlatform, 'readSecret' | 'writeSecret'>; now: () => number }): PinLock {
  const { db, platform, now } = deps;
  // Checks run one after the other, so two quick submissions cannot both read the same count.
  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function readLockout(): Promise<LockoutState> {
    const parsed = lockoutSchema.safeParse(await readMeta<unknown>(db, LOCKOUT_META_KEY, NO_LOCKOUT));
    // A damaged record must not erase past failures into a free pass: count it as one lockout step.
    return parsed.success ? parsed.data : afterFailure({ failures: 2, lockedUntil: null }, now());
  }

  async function checkPinNow(pin: string): Promise<PinCheckOutcome> {
    const lockout = await readLockout();
    if (remainingLockoutMs(lockout, now()) > 0) return { kind: 'lockedOut', lockout };
    const stored = await platform.readSecret('pinHash');
    if (stored !== null && (await verifyPin(pin, stored))) {
      await writeMeta(db, LOCKOUT_META_KEY, NO_LOCKOUT);
      return { kind: 'ok', lockout: NO_LOCKOUT };
    }
    const next = afterFailure(lockout, now());
    // The failure and the lockout it may start are audited in the same transaction as the new
    // count: a kiosk switched off right after a wrong PIN never keeps one without the other.
    await db.transaction('rw', db.meta, db.audit, async () => {
      await writeMeta(db, LOCKOUT_META_KEY, next);
      await appendAudit(db, 'supervisor.pinFailed', `failures=${next.failures}`, now());
      const seconds = Math.round(remainingLockoutMs(next, now()) / 1000);
      if (seconds > 0) await appendAudit(db, 'supervisor.lockout', `seconds=${seconds}`, now());
    });
    return { kind: 'wrong', lockout: next };
  }

  async function savePin(pin: string): Promise<SavePinOutcome> {
    if (pinChoiceProblem(pin) !== null) return { ok: false, reason: 'failed' };
    // Only the hash leaves this function; when the secret store refuses, nothing is kept anywhere.
    const result = await platform.writeSecret('pinHash', await hashPin(pin));
    return result.ok ? { ok: true } : { ok: false, reason: result.reason };
  }

  return {
    async loadLockState() {
      const [stored, lockout] = await Promise.all([platform.readSecret('pinHash'), readLockout()]);
      return { hasPin: stored !== null, lockout };
    },
    checkPin: (pin) => serialised(() => checkPinNow(pin)),
    savePin,
    changePin: (currentPin, nextPin) =>
      serialised(async () => {
        // A wrong current PIN counts as a failed attempt: the form is no way round the lockout.
        const check = await checkPinNow(currentPin);
        if (check.kind === 'lockedOut') return { ok: false, reason: 'lockedOut' };
        if (check.kind === 'wrong') return { ok: false, reason: 'wrongPin' };
        const problem = pinChoiceProblem(nextPin);
        if (problem !== null) return { ok: false, reason: problem };
        const saved = await savePin(nextPin);
        if (saved.ok) return { ok: true };
        return { ok: false, reason: saved.reason === 'encryptionUnavailable' ? 'encryptionUnavailable' : 'saveFailed' };
      }),
  };
}
