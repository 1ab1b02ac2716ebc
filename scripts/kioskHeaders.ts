import { appContentSecurityPolicy } from '../electron/contentSecurityPolicy';

/**
 * The HTTP headers the kiosk page is served with (by `npm start` and the end-to-end tests).
 * Pure, so tests/scripts can read the policy without starting a server.
 */

/** The origin the page may talk to besides its own: the back office, when configured. */
export function backofficeOrigin(backofficeUrl: string | undefined): string | null {
  if (!backofficeUrl) return null;
  const url = new URL(backofficeUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`back office URL must be http(s): ${backofficeUrl}`);
  return url.origin;
}

/**
 * The same Content Security Policy as the Electron shell (one source of truth): the kiosk page
 * behaves the same in Chromium kiosk mode, in the tests and in Electron.
 */
export function contentSecurityPolicy(backofficeUrl?: string): string {
  return appContentSecurityPolicy(backofficeOrigin(backofficeUrl));
}

export function kioskSecurityHeaders(backofficeUrl?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(backofficeUrl),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    // The kiosk's own page may use the camera (the status screen reads the receipt's QR code) and
    // the microphone (supervisor mode's voice prompts page, where staff record the office's prompts);
    // nothing else, and no frame, gets them or any of the others.
    'permissions-policy': 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), serial=()',
  };
}
