import { describe, expect, it } from 'vitest';
import type { LockoutState } from '../../src/machines/supervisor/lockout';
import { createPinVault, type PinVaultStorage, type StoredPinHash } from '../../src/supervisor/pinVault';
import { hashPin } from '../../src/supervisor/pinHash';

const PIN = '482915';
const NEXT = '739164';
const WRONG = '111390';
const T0 = 1_700_000_000_000;

/** The vault's two records in memory, as the main process keeps them on disk. */
function memoryStorage(initial: { hash?: StoredPinHash; lockout?: unknown } = {}) {
  const records = { hash: initial.hash ?? ({ kind: 'absent' } as StoredPinHash), lockout: initial.lockout };
  const storage: PinVaultStorage = {
    readHash: async () => records.hash,
    writeHash: async (hash) => {
      records.hash = { kind: 'present', hash };
      return { ok: true };
    },
    readLockout: async () => records.lockout,
    writeLockout: async (state: LockoutState) => {
      records.lockout = state;
    },
  };
  return { storage, records };
}

describe('the PIN vault (the main process in Electron)', () => {
  it('sets a first PIN only while none exists: a set PIN is never overwritten without the current one', async () => {
    const { storage, records } = memoryStorage();
    const vault = createPinVault(storage, () => T0);
    expect(await vault.setFirstPin(PIN)).toEqual({ ok: true });
    const first = records.hash;
    expect(await vault.setFirstPin(NEXT)).toEqual({ ok: false, reason: 'pinAlreadySet' });
    expect(records.hash).toEqual(first);
    expect((await vault.unlock(PIN)).kind).toBe('ok');
  });

  it('tells a locked secret store from "no PIN yet", and refuses a first PIN while it cannot tell', async () => {
    const vault = createPinVault(memoryStorage({ hash: { kind: 'unavailable' } }).storage, () => T0);
    expect(await vault.state()).toEqual({ pin: 'storeLocked', lockout: { failures: 0, lockedUntil: null } });
    expect(await vault.setFirstPin(PIN)).toEqual({ ok: false, reason: 'storeLocked' });
  });

  it('neither opens nor counts a failure while the store is locked', async () => {
    const { storage, records } = memoryStorage({ hash: { kind: 'unavailable' } });
    const vault = createPinVault(storage, () => T0);
    expect(await vault.unlock(PIN)).toEqual({ kind: 'storeLocked', lockout: { failures: 0, lockedUntil: null } });
    expect(records.lockout).toBeUndefined();
  });

  it('counts wrong PINs itself and locks out after the third', async () => {
    const { storage, records } = memoryStorage({ hash: { kind: 'present', hash: await hashPin(PIN) } });
    const vault = createPinVault(storage, () => T0);
    await vault.unlock(WRONG);
    await vault.unlock(WRONG);
    expect(await vault.unlock(WRONG)).toEqual({ kind: 'wrong', lockout: { failures: 3, lockedUntil: T0 + 30_000 } });
    expect(records.lockout).toEqual({ failures: 3, lockedUntil: T0 + 30_000 });
    expect((await vault.unlock(PIN)).kind).toBe('lockedOut');
  });

  it('counts a damaged failure record as a lockout step, never as a free pass', async () => {
    const vault = createPinVault(memoryStorage({ hash: { kind: 'present', hash: await hashPin(PIN) }, lockout: { failures: 'none' } }).storage, () => T0);
    expect((await vault.state()).lockout).toEqual({ failures: 3, lockedUntil: T0 + 30_000 });
  });

  it('changes the PIN only with the current one, a wrong one counting as a failure', async () => {
    const { storage, records } = memoryStorage({ hash: { kind: 'present', hash: await hashPin(PIN) } });
    const vault = createPinVault(storage, () => T0);
    expect(await vault.changePin(WRONG, NEXT)).toEqual({ ok: false, reason: 'wrongPin' });
    expect(records.lockout).toEqual({ failures: 1, lockedUntil: null });
    expect(await vault.changePin(PIN, '123456')).toEqual({ ok: false, reason: 'trivial' });
    expect(await vault.changePin(PIN, NEXT)).toEqual({ ok: true });
    expect((await vault.unlock(NEXT)).kind).toBe('ok');
    expect((await vault.unlock(PIN)).kind).toBe('wrong');
  });
});
