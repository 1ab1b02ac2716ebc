import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../electron/permissions';

function capture() {
  const session = {
    request: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    check: undefined as undefined | ((contents: unknown, permission: string) => boolean),
    device: undefined as undefined | ((details: unknown) => boolean),
    setPermissionRequestHandler: vi.fn((handler: NonNullable<typeof session.request>) => {
      session.request = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: NonNullable<typeof session.check>) => {
      session.check = handler;
    }),
    setDevicePermissionHandler: vi.fn((handler: NonNullable<typeof session.device>) => {
      session.device = handler;
    }),
  };
  denyAllPermissions(session);
  return session;
}

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial', 'usb', 'fullscreen', 'pointerLock', 'a-permission-chromium-adds-tomorrow'];

describe('permission requests denied', () => {
  it('installs a request handler and a check handler (Electron grants everything without them)', () => {
    const session = capture();
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });

  it.each(PERMISSIONS)('answers false to a request for %s', (permission) => {
    const callback = vi.fn();
    capture().request!({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(PERMISSIONS)('answers false to a check of %s', (permission) => {
    expect(capture().check!({}, permission)).toBe(false);
  });

  it('refuses device access (USB, HID, serial pickers)', () => {
    expect(capture().device!({ deviceType: 'usb' })).toBe(false);
  });
});
