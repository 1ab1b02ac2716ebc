/**
 * The Content-Security-Policy of every app page. Scripts only from the app itself (no inline
 * script, no eval, no remote origin); network only to the app and the configured back office.
 * Inline styles stay allowed: React and the keyboard library set styles at run time, and a style
 * cannot run code.
 */
export function appContentSecurityPolicy(backofficeOrigin: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src 'self'${backofficeOrigin ? ` ${backofficeOrigin}` : ''}`,
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A printed receipt is static markup: no script at all, its QR code inline, nothing fetched. */
export const RECEIPT_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * The origin of the configured back office, or null when none is set or the value is not an
 * http(s) URL. Only an origin goes into the policy, never a path or a wildcard.
 */
export function backofficeOriginOf(backofficeUrl: string | undefined): string | null {
  if (!backofficeUrl) return null;
  try {
    const url = new URL(backofficeUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
