/**
 * The one cookie the back office sets (the console's session) is read and written here, by hand:
 * no cookie plugin is installed, and one name with one set of attributes does not need one.
 */

/** `a=1; b=2` → { a: '1', b: '2' }. The first of two cookies with one name wins, as browsers send the most specific first. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name === '' || Object.hasOwn(cookies, name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      // A malformed escape is someone else's cookie, not ours: skip it.
    }
  }
  return cookies;
}

export interface CookieAttributes {
  path: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  /** Set only over TLS: a browser refuses a Secure cookie from plain HTTP. */
  secure: boolean;
}

/** Always httpOnly (no script reads it) and SameSite=Strict (no other site's page sends it). */
export function sessionCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${attributes.path}`,
    `Max-Age=${Math.max(0, Math.floor(attributes.maxAge))}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}
