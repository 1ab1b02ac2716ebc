import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { PLATFORM_IPC, registerPlatformIpc } from '../../../electron/ipc/registerPlatformIpc';
import { ipcArgumentSchemas, secretNameSchema } from '../../../src/domain/ipcContract';
import { PLATFORM_CHANNELS, SECRET_NAMES, type KioskPlatform, type SecretName } from '../../../src/platform/types';
import { fakeContext, fakeIpcMain } from '../fakes/ipc';

describe('the platform IPC channels', () => {
  it('registers one handler per channel of PLATFORM_CHANNELS, and no other', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerPlatformIpc(ipcMain, fakeContext());
    expect([...handlers.keys()].sort()).toEqual(Object.values(PLATFORM_CHANNELS).sort());
  });

  it.each(Object.entries(PLATFORM_IPC))('serves %s on its own channel', (method, module) => {
    expect(module.channel).toBe(PLATFORM_CHANNELS[method as keyof KioskPlatform]);
  });

  it('has an argument schema for every platform method', () => {
    expect(Object.keys(ipcArgumentSchemas).sort()).toEqual(Object.keys(PLATFORM_CHANNELS).sort());
  });

  it('agrees with the renderer on the secret names', () => {
    expect(secretNameSchema.options).toEqual([...SECRET_NAMES]);
    expectTypeOf<z.infer<typeof secretNameSchema>>().toEqualTypeOf<SecretName>();
  });

  it("parses each method's arguments into the platform interface's parameter types", () => {
    expectTypeOf<z.infer<(typeof ipcArgumentSchemas)['writeSecret']>>().toEqualTypeOf<Parameters<KioskPlatform['writeSecret']>>();
    expectTypeOf<z.infer<(typeof ipcArgumentSchemas)['readSecret']>>().toEqualTypeOf<Parameters<KioskPlatform['readSecret']>>();
    expectTypeOf<z.infer<(typeof ipcArgumentSchemas)['printReceipt']>>().toExtend<Parameters<KioskPlatform['printReceipt']>>();
    expectTypeOf<z.infer<(typeof ipcArgumentSchemas)['unlockWithPin']>>().toEqualTypeOf<Parameters<KioskPlatform['unlockWithPin']>>();
    expectTypeOf<z.infer<(typeof ipcArgumentSchemas)['setFirstPin']>>().toEqualTypeOf<Parameters<KioskPlatform['setFirstPin']>>();
    expectTypeOf<z.infer<(typeof ipcArgumentSchemas)['changePin']>>().toEqualTypeOf<Parameters<KioskPlatform['changePin']>>();
  });

  it('lets the page name no secret but the device token: the PIN hash never crosses the bridge', () => {
    expect(secretNameSchema.safeParse('pinHash').success).toBe(false);
    expect(SECRET_NAMES).toEqual(['deviceToken']);
  });
});
