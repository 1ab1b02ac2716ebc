// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PLATFORM_CHANNELS } from '../../src/platform/types';
import { receipt } from './fakes/receipt';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));

const ALLOWED_KEYS = ['appVersion', 'changePin', 'deviceIdentity', 'pinLockState', 'printReceipt', 'readSecret', 'restart', 'setFirstPin', 'unlockWithPin', 'writeSecret'];

describe('the narrow preload bridge', () => {
  beforeAll(async () => {
    await import('../../electron/preload');
  });

  it('exposes one object, window.shubbak, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['shubbak']);
  });

  it('has exactly the allowed keys: the KioskPlatform methods', () => {
    const bridge = exposed.get('shubbak') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(ALLOWED_KEYS);
    for (const key of ALLOWED_KEYS) expect(typeof bridge[key]).toBe('function');
  });

  it.each(['ipcRenderer', 'invoke', 'on', 'once', 'send', 'sendSync', 'removeListener', 'readPinHash', 'writePinHash'])('gives the page no %s', (key) => {
    expect(exposed.get('shubbak')).not.toHaveProperty(key);
  });

  it.each([
    ['printReceipt', [receipt()], PLATFORM_CHANNELS.printReceipt],
    ['writeSecret', ['deviceToken', 'tok'], PLATFORM_CHANNELS.writeSecret],
    ['readSecret', ['deviceToken'], PLATFORM_CHANNELS.readSecret],
    ['pinLockState', [], PLATFORM_CHANNELS.pinLockState],
    ['unlockWithPin', ['482915'], PLATFORM_CHANNELS.unlockWithPin],
    ['setFirstPin', ['482915'], PLATFORM_CHANNELS.setFirstPin],
    ['changePin', ['482915', '739164'], PLATFORM_CHANNELS.changePin],
    ['deviceIdentity', [], PLATFORM_CHANNELS.deviceIdentity],
    ['restart', [], PLATFORM_CHANNELS.restart],
    ['appVersion', [], PLATFORM_CHANNELS.appVersion],
  ])('turns %s into one invoke on its channel, with only its arguments', async (method, args, channel) => {
    invoke.mockClear();
    const bridge = exposed.get('shubbak') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await bridge[method]!(...args);
    expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, ...args);
  });

  it('refuses file pickers in the page it preloads', () => {
    const input = document.createElement('input');
    input.type = 'file';
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.body.append(input);
    input.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });
});
