import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/restart';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.restart}`, () => {
  it('listens on the restart channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.restart);
  });

  it('restarts the app when the app asks', async () => {
    const { ctx, invoke } = registered();
    await invoke(channel, FROM_APP);
    expect(ctx.restart).toHaveBeenCalledTimes(1);
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event)).rejects.toThrow('untrustedSender');
    expect(ctx.restart).not.toHaveBeenCalled();
  });

  it('rejects unexpected arguments', async () => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, FROM_APP, { force: true })).rejects.toThrow('invalidArguments');
    expect(ctx.restart).not.toHaveBeenCalled();
  });
});
