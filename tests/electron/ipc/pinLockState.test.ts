import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/pinLockState';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.pinLockState}`, () => {
  it('listens on the pinLockState channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.pinLockState);
  });

  it('answers whether a PIN exists and the lockout, never the hash', async () => {
    const { ctx, invoke } = registered();
    ctx.pinVault.state.mockResolvedValueOnce({ pin: 'storeLocked', lockout: { failures: 0, lockedUntil: null } });
    expect(await invoke(channel, FROM_APP)).toEqual({ pin: 'storeLocked', lockout: { failures: 0, lockedUntil: null } });
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event)).rejects.toThrow('untrustedSender');
    expect(ctx.pinVault.state).not.toHaveBeenCalled();
  });

  it('rejects arguments it does not take', async () => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, FROM_APP, 'pinHash')).rejects.toThrow('invalidArguments');
    expect(ctx.pinVault.state).not.toHaveBeenCalled();
  });
});
