import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/setFirstPin';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.setFirstPin}`, () => {
  it('listens on the setFirstPin channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.setFirstPin);
  });

  it("hands the first PIN to the vault and passes its refusal back when a PIN already exists", async () => {
    const { ctx, invoke } = registered();
    ctx.pinVault.setFirstPin.mockResolvedValueOnce({ ok: false, reason: 'pinAlreadySet' });
    expect(await invoke(channel, FROM_APP, '482915')).toEqual({ ok: false, reason: 'pinAlreadySet' });
    expect(ctx.pinVault.setFirstPin).toHaveBeenCalledWith('482915');
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event, '482915')).rejects.toThrow('untrustedSender');
    expect(ctx.pinVault.setFirstPin).not.toHaveBeenCalled();
  });

  it.each([
    ['no PIN', []],
    ['a PIN that is not text', [{ pin: '482915' }]],
    ['an oversized PIN', ['4'.repeat(10_000)]],
  ])('rejects %s', async (_name, args) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, FROM_APP, ...args)).rejects.toThrow('invalidArguments');
    expect(ctx.pinVault.setFirstPin).not.toHaveBeenCalled();
  });
});
