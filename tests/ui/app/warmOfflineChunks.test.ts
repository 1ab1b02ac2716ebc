import { describe, expect, it, vi } from 'vitest';
import { warmOfflineChunks } from '../../../src/app/warmOfflineChunks';
import { bundledLocaleFiles } from '../../../src/i18n/localeBundles';

describe('warming the chunks kept out of the start-up bundle', () => {
  it('loads every language of every namespace, the keyboard, the QR encoder and the supervisor screens', async () => {
    const failures: string[] = [];
    await warmOfflineChunks((what) => failures.push(what));
    expect(failures).toEqual([]);
    expect(bundledLocaleFiles().length).toBeGreaterThanOrEqual(4 * 5);
  });

  it('reports a chunk that fails without stopping the others', async () => {
    vi.resetModules();
    vi.doMock('qrcode', () => {
      throw new Error('network lost');
    });
    const { warmOfflineChunks: warm } = await import('../../../src/app/warmOfflineChunks');
    const failures: string[] = [];
    await warm((what) => failures.push(what));
    // The supervisor's diagnostics draw a QR code too, so their chunk fails with it.
    expect(failures.sort()).toEqual(['QR encoder', 'supervisor screens']);
    vi.doUnmock('qrcode');
  });
});
