import { describe, expect, it, vi } from 'vitest';
import { restrictPermissions, type MediaPermissionDetails } from '../../electron/permissions';

function capture() {
  const session = {
    request: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: MediaPermissionDetails) => void),
    check: undefined as undefined | ((contents: unknown, permission: string, origin: string, details: MediaPermissionDetails) => boolean),
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
  restrictPermissions(session);
  return session;
}

const APP_PAGE = 'app://kiosk/index.html';
const PERMISSIONS = ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial', 'usb', 'fullscreen', 'pointerLock', 'a-permission-chromium-adds-tomorrow'];

function requested(permission: string, details: MediaPermissionDetails): boolean {
  const callback = vi.fn();
  capture().request!({}, permission, callback, details);
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]![0] as boolean;
}

describe("permission requests denied, but the camera for the app and the microphone for its recording page", () => {
  it('installs a request handler and a check handler (Electron grants everything without them)', () => {
    const session = capture();
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });

  it.each(PERMISSIONS)('answers false to a request for %s without details', (permission) => {
    expect(requested(permission, {})).toBe(false);
  });

  it.each(PERMISSIONS.filter((permission) => permission !== 'media'))('answers false to a request for %s from the app itself', (permission) => {
    expect(requested(permission, { requestingUrl: APP_PAGE, mediaTypes: ['video'] })).toBe(false);
  });

  it.each(PERMISSIONS)('answers false to a check of %s without details', (permission) => {
    expect(capture().check!({}, permission, '', {})).toBe(false);
  });

  it('grants the camera to the app page (the receipt QR on the status screen)', () => {
    expect(requested('media', { requestingUrl: APP_PAGE, mediaTypes: ['video'] })).toBe(true);
    expect(capture().check!({}, 'media', 'app://kiosk', { requestingUrl: APP_PAGE, mediaType: 'video' })).toBe(true);
  });

  it('grants the microphone alone to the app page only while it shows the voice prompts page', () => {
    const recordingPage = `${APP_PAGE}#voice-prompts`;
    expect(requested('media', { requestingUrl: recordingPage, mediaTypes: ['audio'] })).toBe(true);
    expect(capture().check!({}, 'media', 'app://kiosk', { requestingUrl: recordingPage, mediaType: 'audio' })).toBe(true);
    expect(requested('media', { requestingUrl: recordingPage, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(requested('media', { requestingUrl: `${APP_PAGE}#voice-prompts-not`, mediaTypes: ['audio'] })).toBe(false);
    expect(requested('media', { requestingUrl: 'https://evil.example/#voice-prompts', mediaTypes: ['audio'] })).toBe(false);
  });

  it.each<[string, MediaPermissionDetails]>([
    ['the microphone on any other page', { requestingUrl: APP_PAGE, mediaTypes: ['audio'] }],
    ['the camera with sound', { requestingUrl: APP_PAGE, mediaTypes: ['video', 'audio'] }],
    ['media of no stated kind', { requestingUrl: APP_PAGE, mediaTypes: [] }],
    ['the camera for another origin', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }],
    ['the camera for a look-alike host', { requestingUrl: 'app://kiosk.evil.example/', mediaTypes: ['video'] }],
  ])('refuses %s', (_label, details) => {
    expect(requested('media', details)).toBe(false);
    expect(capture().check!({}, 'media', '', { requestingUrl: details.requestingUrl, mediaType: details.mediaTypes?.find((kind) => kind !== 'video') ?? details.mediaTypes?.[0] })).toBe(false);
  });

  it('refuses device access (USB, HID, serial pickers)', () => {
    expect(capture().device!({ deviceType: 'usb' })).toBe(false);
  });
});
