import { describe, expect, it } from 'vitest';
import { backofficeOrigin, contentSecurityPolicy, kioskSecurityHeaders } from '../../scripts/kioskHeaders';

describe('the kiosk page security headers', () => {
  it('lets the page connect only to itself when no back office is configured', () => {
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
  });

  it('adds the back office origin, without its path, to connect-src', () => {
    expect(contentSecurityPolicy('https://bo.example.ma/shubbak/')).toContain("connect-src 'self' https://bo.example.ma;");
  });

  it.each(["'unsafe-eval'", 'http:', 'https:', '*'])('never allows %s as a source', (source) => {
    const policy = contentSecurityPolicy('https://bo.example.ma');
    expect(policy.split(/[ ;]+/)).not.toContain(source);
  });

  it('never allows inline scripts', () => {
    expect(contentSecurityPolicy()).toMatch(/script-src 'self'(;|$)/);
  });

  it.each(["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"])('sets %s', (directive) => {
    expect(contentSecurityPolicy()).toContain(directive);
  });

  it('refuses a back office URL that is not http(s)', () => {
    expect(() => backofficeOrigin('file:///etc/passwd')).toThrow(/http/);
  });

  it('forbids framing and sniffing', () => {
    expect(kioskSecurityHeaders()).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  });
});
