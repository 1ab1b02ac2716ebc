import { RECORDING_PAGE_FRAGMENT } from '../src/domain/promptRecordings';
import { isAppUrl } from './appOrigin';

/** What Electron tells the handlers about a media request (camera and microphone). */
export interface MediaPermissionDetails {
  /** Request handler: what the page asked getUserMedia for. */
  mediaTypes?: readonly string[];
  /** Check handler: the one kind being checked ('video', 'audio' or 'unknown'). */
  mediaType?: string;
  requestingUrl?: string;
}

/** The parts of `session` that decide permissions (a real Session satisfies it). */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: MediaPermissionDetails) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string, details: MediaPermissionDetails) => boolean): void;
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void;
}

/**
 * The camera, for the app's own page and nothing else: the status check reads the receipt's QR
 * code through it (the page asks only on that screen and releases it after). The microphone,
 * alone, only while the app's URL shows the voice prompts page (supervisor mode, where staff
 * record the office's prompts: src/platform/browserMicrophone.ts marks it). Never both at once.
 */
function isAllowedMediaRequest(details: MediaPermissionDetails): boolean {
  if (!details.requestingUrl || !isAppUrl(details.requestingUrl)) return false;
  const kinds = details.mediaTypes ?? (details.mediaType ? [details.mediaType] : []);
  if (kinds.length === 0) return false;
  if (kinds.every((kind) => kind === 'video')) return true;
  return kinds.every((kind) => kind === 'audio') && new URL(details.requestingUrl).hash === `#${RECORDING_PAGE_FRAGMENT}`;
}

/**
 * Denies every permission but the app's camera and the recording page's microphone: geolocation, notifications,
 * openExternal, HID, serial, and whatever a future Chromium adds. Electron grants everything when
 * no handler is set, so the handlers must exist.
 */
export function restrictPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permission === 'media' && isAllowedMediaRequest(details ?? {})));
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => permission === 'media' && isAllowedMediaRequest(details ?? {}));
  session.setDevicePermissionHandler?.(() => false);
}
