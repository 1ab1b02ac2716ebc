import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/changePin';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.changePin}`, () => {
  it('listens on the changePin channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.changePin);
  });

  it('changes the PIN through the vault, with the current one', async () => {
    const { ctx, invoke } = registered();
    ctx.pinVault.changePin.mockResolvedValueOnce({ ok: false, reason: 'wrongPin' });
    expect(await invoke(channel, FROM_APP, '111390', '739164')).toEqual({ ok: false, reason: 'wrongPin' });
    expect(ctx.pinVault.changePin).toHaveBeenCalledWith('111390', '739164');
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event, '482915', '739164')).rejects.toThrow('untrustedSender');
    expect(ctx.pinVault.changePin).not.toHaveBeenCalled();
  });

  it.each([
    ['no current PIN (a new one alone)', ['739164']],
    ['an empty current PIN', ['', '739164']],
    ['a third argument', ['482915', '739164', 'extra']],
  ])('rejects %s', async (_name, args) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, FROM_APP, ...args)).rejects.toThrow('invalidArguments');
    expect(ctx.pinVault.changePin).not.toHaveBeenCalled();
  });
});
