import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/writeSecret';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.writeSecret}`, () => {
  it('listens on the writeSecret channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.writeSecret);
  });

  it('seals a named secret sent by the app and passes the refusal back when the OS cannot seal', async () => {
    const { ctx, invoke } = registered();
    ctx.secrets.write.mockResolvedValueOnce({ ok: false, reason: 'encryptionUnavailable' });
    expect(await invoke(channel, FROM_APP, 'deviceToken', 'tok-123')).toEqual({ ok: false, reason: 'encryptionUnavailable' });
    expect(ctx.secrets.write).toHaveBeenCalledWith('deviceToken', 'tok-123');
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event, 'deviceToken', 'tok')).rejects.toThrow('untrustedSender');
    expect(ctx.secrets.write).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown secret name', ['sshKey', 'x']],
    ['the PIN hash, which the page may not overwrite', ['pinHash', 'pbkdf2-sha256$1$AAAA$AAAA']],
    ['an empty value', ['deviceToken', '']],
    ['a value that is not text', ['deviceToken', { token: 'x' }]],
    ['an oversized value', ['deviceToken', 'x'.repeat(5000)]],
  ])('rejects %s', async (_name, args) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, FROM_APP, ...args)).rejects.toThrow('invalidArguments');
    expect(ctx.secrets.write).not.toHaveBeenCalled();
  });
});
