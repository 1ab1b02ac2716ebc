/**
 * The renderer's one origin. The app is served from a privileged standard scheme (never `file:`),
 * so Chromium gives it a fixed origin that navigation and IPC checks can compare against.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const INDEX_URL = `${APP_ORIGIN}/index.html`;
export const OUT_OF_ORDER_URL = `${APP_ORIGIN}/out-of-order.html`;

/**
 * Whether a URL belongs to the app, by parsed scheme and host: a string prefix test would let
 * `app://kiosk.evil.example` or `app://kiosk@evil.example` through. Node gives non-special
 * schemes an opaque origin ("null"), hence the comparison of parts rather than `url.origin`.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
