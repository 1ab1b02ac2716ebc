import { describe, expect, it } from 'vitest';
import { parseCookies, sessionCookie } from '../../backoffice/src/http/cookies';

describe('the cookie header', () => {
  it.each<[string | undefined, Record<string, string>]>([
    [undefined, {}],
    ['', {}],
    ['a=1; b=2', { a: '1', b: '2' }],
    ['a=1;b=2;  c = 3 ', { a: '1', b: '2', c: '3' }],
    ['a=1; a=2', { a: '1' }],
    ['a="quoted"', { a: 'quoted' }],
    ['a=%E2%9C%93; bad=%E2%9C; =nameless; novalue', { a: '✓' }],
  ])('reads %j', (header, expected) => {
    const cookies = parseCookies(header);
    expect({ ...cookies }).toEqual({ ...expected });
  });

  it('cannot be made to touch a prototype', () => {
    const cookies = parseCookies('__proto__=polluted; session=abc');
    expect(cookies.session).toBe('abc');
    expect(Object.getPrototypeOf(cookies)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes the session cookie httpOnly and SameSite=Strict, Secure only when asked, and deletes it with Max-Age=0', () => {
    expect(sessionCookie('s', 'a b', { path: '/api/v1/console', maxAge: 90.7, secure: false })).toBe('s=a%20b; Path=/api/v1/console; Max-Age=90; HttpOnly; SameSite=Strict');
    expect(sessionCookie('s', '', { path: '/', maxAge: -5, secure: true })).toBe('s=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure');
  });
});
