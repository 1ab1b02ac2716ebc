import { isAppUrl } from './appOrigin';

/** The part of `session.webRequest` the policy uses (the real WebRequest satisfies it). */
export interface RequestFilter {
  onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
}

/**
 * A second wall behind the CSP, in the main process where a page cannot reach it: the renderer
 * may load the app itself, inline data and blobs, and talk to the configured back office; every
 * other request is cancelled.
 */
export function restrictNetwork(webRequest: RequestFilter, backofficeOrigin: string | null, allowDevtools: boolean): void {
  webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, backofficeOrigin, allowDevtools) });
  });
}

export function isAllowedRequest(url: string, backofficeOrigin: string | null, allowDevtools: boolean): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:') || url.startsWith('blob:app://kiosk/')) return true;
  if (allowDevtools && url.startsWith('devtools://')) return true;
  if (backofficeOrigin === null) return false;
  try {
    return new URL(url).origin === backofficeOrigin;
  } catch {
    return false;
  }
}
