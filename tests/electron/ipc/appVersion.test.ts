import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/appVersion';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.appVersion}`, () => {
  it('listens on the appVersion channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.appVersion);
  });

  it('answers the app version', async () => {
    expect(await registered().invoke(channel, FROM_APP)).toBe('0.1.0');
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event)).rejects.toThrow('untrustedSender');
    expect(ctx.appVersion).not.toHaveBeenCalled();
  });
});
