import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskPlatform } from '../../src/platform/types';

afterEach(() => {
  delete window.shubbak;
  vi.resetModules();
});

describe('getPlatform', () => {
  it('uses the Electron bridge when window.shubbak exists', async () => {
    const appVersion = vi.fn(async () => '9.9.9');
    window.shubbak = { appVersion } as unknown as KioskPlatform;
    const { getPlatform } = await import('../../src/platform/index');
    expect(await getPlatform().appVersion()).toBe('9.9.9');
    expect(appVersion).toHaveBeenCalled();
  });

  it('falls back to the browser platform otherwise', async () => {
    const { getPlatform } = await import('../../src/platform/index');
    expect((await getPlatform().deviceIdentity()).host).toBe('browser');
  });

  it('answers the package version in the browser', async () => {
    const { getPlatform } = await import('../../src/platform/index');
    expect(await getPlatform().appVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
