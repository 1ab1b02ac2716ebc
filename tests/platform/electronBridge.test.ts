import { describe, expect, it, vi } from 'vitest';
import { createElectronPlatform } from '../../src/platform/electronBridge';
import type { KioskPlatform } from '../../src/platform/types';

function bridge(overrides: Partial<KioskPlatform> = {}): KioskPlatform {
  return {
    printReceipt: vi.fn(async () => ({ ok: true as const })),
    writeSecret: vi.fn(async () => ({ ok: true as const })),
    readSecret: vi.fn(async () => 'tok'),
    pinLockState: vi.fn(async () => ({ pin: 'set' as const, lockout: { failures: 0, lockedUntil: null } })),
    unlockWithPin: vi.fn(async () => ({ kind: 'ok' as const, lockout: { failures: 0, lockedUntil: null } })),
    setFirstPin: vi.fn(async () => ({ ok: false as const, reason: 'pinAlreadySet' as const })),
    changePin: vi.fn(async () => ({ ok: true as const })),
    deviceIdentity: vi.fn(async () => ({ installationId: 'id', host: 'electron' as const })),
    restart: vi.fn(async () => undefined),
    appVersion: vi.fn(async () => '0.1.0'),
    ...overrides,
  };
}

const refused = (): Promise<never> => Promise.reject(new Error('platform:print-receipt: untrustedSender'));

describe('the Electron platform client', () => {
  it('passes calls to window.shubbak', async () => {
    const shubbak = bridge();
    const platform = createElectronPlatform(shubbak);
    expect(await platform.readSecret('deviceToken')).toBe('tok');
    expect(await platform.appVersion()).toBe('0.1.0');
    expect(shubbak.readSecret).toHaveBeenCalledWith('deviceToken');
  });

  it('turns a refused print into a failure the citizen screen can show', async () => {
    const platform = createElectronPlatform(bridge({ printReceipt: refused }));
    expect(await platform.printReceipt({} as never)).toEqual({ ok: false, reason: 'failed', detail: 'platform:print-receipt: untrustedSender' });
  });

  it('turns a refused secret write into a failed result and a refused read into null', async () => {
    const platform = createElectronPlatform(bridge({ writeSecret: refused, readSecret: refused }));
    expect(await platform.writeSecret('deviceToken', 'h')).toEqual({ ok: false, reason: 'failed' });
    expect(await platform.readSecret('deviceToken')).toBeNull();
  });

  it('asks the main process to check the PIN and passes its verdict on', async () => {
    const shubbak = bridge();
    const platform = createElectronPlatform(shubbak);
    expect(await platform.unlockWithPin('482915')).toEqual({ kind: 'ok', lockout: { failures: 0, lockedUntil: null } });
    expect(shubbak.unlockWithPin).toHaveBeenCalledWith('482915');
    expect(await platform.changePin('482915', '739164')).toEqual({ ok: true });
    expect(shubbak.changePin).toHaveBeenCalledWith('482915', '739164');
  });

  it('lets a refused PIN-state call reject rather than answer "no PIN yet"', async () => {
    const platform = createElectronPlatform(bridge({ pinLockState: refused }));
    await expect(platform.pinLockState()).rejects.toThrow();
  });
});
