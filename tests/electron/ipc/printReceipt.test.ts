import { describe, expect, it } from 'vitest';
import { channel, register } from '../../../electron/ipc/printReceipt';
import { PLATFORM_CHANNELS } from '../../../src/platform/types';
import { receipt } from '../fakes/receipt';
import { FROM_APP, UNTRUSTED_SENDERS, fakeContext, fakeIpcMain } from '../fakes/ipc';

function registered() {
  const ctx = fakeContext();
  const ipc = fakeIpcMain();
  register(ipc.ipcMain, ctx);
  return { ctx, ...ipc };
}

describe(`IPC ${PLATFORM_CHANNELS.printReceipt}`, () => {
  it('listens on the printReceipt channel', () => {
    expect(channel).toBe(PLATFORM_CHANNELS.printReceipt);
    expect(registered().handlers.has(channel)).toBe(true);
  });

  it('prints a valid receipt sent by the app and returns the result', async () => {
    const { ctx, invoke } = registered();
    ctx.printReceipt.mockResolvedValueOnce({ ok: false, reason: 'noPrinter' });
    expect(await invoke(channel, FROM_APP, receipt())).toEqual({ ok: false, reason: 'noPrinter' });
    expect(ctx.printReceipt).toHaveBeenCalledWith(receipt());
  });

  it.each(['ar-MA', 'fr-MA', 'zgh', 'en'])('accepts the Intl language tag %s the receipt screen sends', async (locale) => {
    const { ctx, invoke } = registered();
    await invoke(channel, FROM_APP, receipt({ locale }));
    expect(ctx.printReceipt).toHaveBeenCalledWith(receipt({ locale }));
  });

  it.each(UNTRUSTED_SENDERS)('rejects a call from %s', async (_name, event) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, event, receipt())).rejects.toThrow('untrustedSender');
    expect(ctx.printReceipt).not.toHaveBeenCalled();
  });

  it.each([
    ['no receipt', []],
    ['a receipt with an extra key', [{ ...receipt(), script: '<script>' }]],
    ['a remote QR image', [receipt({ qrDataUrl: 'https://evil.example/qr.png' })]],
    ['a language that is not a language tag', [{ ...receipt(), locale: '"><script>' }]],
    ['two arguments', [receipt(), receipt()]],
  ])('rejects %s', async (_name, args) => {
    const { ctx, invoke } = registered();
    await expect(invoke(channel, FROM_APP, ...args)).rejects.toThrow('invalidArguments');
    expect(ctx.printReceipt).not.toHaveBeenCalled();
  });
});
