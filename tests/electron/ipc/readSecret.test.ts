import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/readSecret';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.readSecret}`, () => {
  it('listens on the readSecret channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.readSecret);
  });

  it('reads a named secret for the app', async () => {
    const { ctx, invoke } = registered();
    expect(await invoke(channel, FROM_APP, 'deviceToken')).toBe('tok-123');
    expect(ctx.secrets.read).toHaveBeenCalledWith('deviceToken');
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event, 'deviceToken')).rejects.toThrow('untrustedSender');
    expect(ctx.secrets.read).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown secret name', ['../../etc/passwd']],
    ['the PIN hash, which only the main process reads', ['pinHash']],
    ['no name', []],
  ])('rejects %s', async (_name, args) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, FROM_APP, ...args)).rejects.toThrow('invalidArguments');
    expect(ctx.secrets.read).not.toHaveBeenCalled();
  });
});
