import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';
import { electronBinaryPath, flipKioskFuses, KIOSK_FUSES, type AfterPackContext } from '../../electron/fuses';

vi.mock('@electron/fuses', async (importOriginal) => ({ ...(await importOriginal<typeof import('@electron/fuses')>()), flipFuses: vi.fn(async () => 1) }));

const linuxContext: AfterPackContext = {
  appOutDir: '/work/release/linux-unpacked',
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: 'Shubbak' }, executableName: 'shubbak' },
};

describe('fuses flipped at packaging', () => {
  it('flips RunAsNode, NODE_OPTIONS and inspect off, asar-only, asar integrity and cookie encryption on', async () => {
    const flipFuses = vi.fn(async (_path: string, _config: FuseConfig) => 1);
    await flipKioskFuses(linuxContext, flipFuses);
    expect(flipFuses).toHaveBeenCalledTimes(1);
    const [, config] = flipFuses.mock.calls[0]!;
    expect(config).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
    expect(config).toBe(KIOSK_FUSES);
  });

  it.each([
    ['linux', linuxContext, '/work/release/linux-unpacked/shubbak'],
    ['win32', { appOutDir: '/work/release/win-unpacked', electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'Shubbak' } } }, '/work/release/win-unpacked/Shubbak.exe'],
  ])('finds the %s Electron binary where electron-builder put it', (_platform, context, binary) => {
    expect(electronBinaryPath(context)).toBe(binary);
  });

  it("is what electron-builder's afterPack hook runs", async () => {
    const { flipFuses } = await import('@electron/fuses');
    const { default: afterPack } = await import('../../electron/afterPack');
    await afterPack(linuxContext);
    expect(flipFuses).toHaveBeenCalledExactlyOnceWith('/work/release/linux-unpacked/shubbak', KIOSK_FUSES);
  });
});
