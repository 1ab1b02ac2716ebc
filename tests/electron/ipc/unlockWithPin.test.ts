import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/unlockWithPin';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.unlockWithPin}`, () => {
  it('listens on the unlockWithPin channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.unlockWithPin);
  });

  it("asks the main process's vault and answers with its verdict only", async () => {
    const { ctx, invoke } = registered();
    ctx.pinVault.unlock.mockResolvedValueOnce({ kind: 'wrong', lockout: { failures: 1, lockedUntil: null } });
    expect(await invoke(channel, FROM_APP, '482915')).toEqual({ kind: 'wrong', lockout: { failures: 1, lockedUntil: null } });
    expect(ctx.pinVault.unlock).toHaveBeenCalledWith('482915');
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event, '482915')).rejects.toThrow('untrustedSender');
    expect(ctx.pinVault.unlock).not.toHaveBeenCalled();
  });

  it.each([
    ['no PIN', []],
    ['an empty PIN', ['']],
    ['a PIN that is not text', [482915]],
    ['an oversized PIN', ['4'.repeat(10_000)]],
  ])('rejects %s', async (_name, args) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, FROM_APP, ...args)).rejects.toThrow('invalidArguments');
    expect(ctx.pinVault.unlock).not.toHaveBeenCalled();
  });
});
