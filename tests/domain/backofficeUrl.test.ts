import { describe, expect, it } from 'vitest';
import { backofficeUrlProblem, SECURE_ONLY } from '../../src/domain/backofficeUrl';

describe('which back-office addresses a kiosk may use', () => {
  it.each([
    'https://bo.berkane.ma',
    'https://10.0.0.5:8443/shubbak',
    'http://localhost:8787',
    'http://127.0.0.1:8787',
    'http://127.1.2.3',
    'http://[::1]:8787',
    'http://kiosk.localhost',
  ])('accepts %s', (url) => {
    expect(backofficeUrlProblem(url, SECURE_ONLY)).toBeNull();
  });

  it.each([
    'http://bo.berkane.ma',
    'http://192.168.1.10:8787',
    'http://10.0.0.5',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
  ])('refuses %s, plain http to another machine', (url) => {
    expect(backofficeUrlProblem(url, SECURE_ONLY)).toBe('insecureHttp');
  });

  it('accepts plain http to another machine only when the operator allowed it explicitly', () => {
    expect(backofficeUrlProblem('http://192.168.1.10:8787', { allowInsecureHttp: true })).toBeNull();
  });

  it.each(['ftp://bo.berkane.ma', 'javascript:alert(1)', 'bo.berkane.ma', ''])('refuses %s as not an address', (url) => {
    expect(backofficeUrlProblem(url, SECURE_ONLY)).toBe('invalidUrl');
  });
});
