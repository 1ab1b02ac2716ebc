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
 * Content Security Policy of the kiosk page: only its own scripts, styles and fonts; data: images
 * for the receipt's QR code; network only to itself and the back office; no plugins, no framing,
 * no forms posted elsewhere.
 */
export function contentSecurityPolicy(backofficeUrl?: string): string {
  const origin = backofficeOrigin(backofficeUrl);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'media-src': ["'self'"],
    'connect-src': origin ? ["'self'", origin] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export function kioskSecurityHeaders(backofficeUrl?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(backofficeUrl),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    // The kiosk needs none of these; a compromised page must not get them either.
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()',
  };
}
