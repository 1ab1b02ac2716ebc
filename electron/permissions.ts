/** The parts of `session` that decide permissions (a real Session satisfies it). */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void;
}

/**
 * Denies every permission: camera, microphone, geolocation, notifications, openExternal, HID,
 * serial, and whatever a future Chromium adds. Electron grants everything when no handler is
 * set, so the handlers must exist even though the app asks for nothing.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}
