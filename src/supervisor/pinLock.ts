import { remainingLockoutMs, type LockoutState } from '../machines/supervisor/lockout';
import type { ChangePinOutcome, LockStateSnapshot, PinCheckOutcome, SavePinOutcome } from '../machines/supervisor/types';
import type { KioskPlatform } from '../platform/types';
import { appendAudit } from '../storage/audit';
import type { ShubbakDb } from '../storage/db';

export interface PinLock {
  loadLockState(): Promise<LockStateSnapshot>;
  checkPin(pin: string): Promise<PinCheckOutcome>;
  savePin(pin: string): Promise<SavePinOutcome>;
  changePin(currentPin: string, nextPin: string): Promise<ChangePinOutcome>;
}

export type PinHost = Pick<KioskPlatform, 'pinLockState' | 'unlockWithPin' | 'setFirstPin' | 'changePin'>;

/**
 * The supervisor PIN as the page sees it: every check, first PIN and change is the host's
 * (`KioskPlatform`; in Electron the main process, which keeps the hash and the failure count out
 * of the page's reach). The page only records what the host answered in the audit log, before
 * the answer reaches the screen, so a failure the pad shows is already on disk.
 */
export function createPinLock(deps: { db: ShubbakDb; platform: PinHost; now: () => number }): PinLock {
  const { db, platform, now } = deps;

  // The failure and the lockout it may start go in one transaction: never one without the other.
  async function auditFailure(lockout: LockoutState): Promise<void> {
    await db.transaction('rw', db.audit, async () => {
      await appendAudit(db, 'supervisor.pinFailed', `failures=${lockout.failures}`, now());
      const seconds = Math.round(remainingLockoutMs(lockout, now()) / 1000);
      if (seconds > 0) await appendAudit(db, 'supervisor.lockout', `seconds=${seconds}`, now());
    });
  }

  return {
    loadLockState: () => platform.pinLockState(),
    async checkPin(pin) {
      const outcome = await platform.unlockWithPin(pin);
      if (outcome.kind === 'wrong') await auditFailure(outcome.lockout);
      return outcome;
    },
    savePin: (pin) => platform.setFirstPin(pin),
    async changePin(currentPin, nextPin) {
      const outcome = await platform.changePin(currentPin, nextPin);
      // A wrong current PIN was counted by the host like any other: record it like any other.
      if (!outcome.ok && outcome.reason === 'wrongPin') await auditFailure((await platform.pinLockState()).lockout);
      return outcome;
    },
  };
}
