import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/deviceIdentity';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.deviceIdentity}`, () => {
  it('listens on the deviceIdentity channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.deviceIdentity);
  });

  it('answers the installation id and the electron host', async () => {
    const { invoke } = registered();
    expect(await invoke(channel, FROM_APP)).toEqual({ installationId: '0190a0b1-7c2d-4e3f-8a4b-5c6d7e8f9a0b', host: 'electron' });
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event)).rejects.toThrow('untrustedSender');
    expect(ctx.installationId).not.toHaveBeenCalled();
  });

  it('rejects unexpected arguments', async () => {
    await expect(registered().invoke(channel, FROM_APP, 'extra')).rejects.toThrow('invalidArguments');
  });
});
