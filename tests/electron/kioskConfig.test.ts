import { describe, expect, it } from 'vitest';
import { readBackofficeOrigin } from '../../electron/kioskConfig';

function reader(files: Record<string, string>) {
  return async (file: string): Promise<string> => {
    const text = files[file];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };
}

describe('the back-office origin for the CSP', () => {
  it("takes the operator's kiosk-config.json first, reduced to its origin", async () => {
    const read = reader({ '/user/kiosk-config.json': '{"backofficeUrl":"https://bo.example.ma/kiosk/api"}', '/app/kiosk-config.json': '{"backofficeUrl":"https://other.example"}' });
    expect(await readBackofficeOrigin(read, ['/user/kiosk-config.json', '/app/kiosk-config.json'])).toBe('https://bo.example.ma');
  });

  it('falls back to the shipped file, then to none', async () => {
    expect(await readBackofficeOrigin(reader({ '/app/kiosk-config.json': '{"backofficeUrl":"https://10.0.0.5:8443"}' }), ['/user/kiosk-config.json', '/app/kiosk-config.json'])).toBe('https://10.0.0.5:8443');
    expect(await readBackofficeOrigin(reader({}), ['/user/kiosk-config.json'])).toBeNull();
  });

  it('allows no plain http:// back office on another machine unless the same file allows it explicitly', async () => {
    expect(await readBackofficeOrigin(reader({ '/c.json': '{"backofficeUrl":"http://10.0.0.5:8080"}' }), ['/c.json'])).toBeNull();
    expect(await readBackofficeOrigin(reader({ '/c.json': '{"backofficeUrl":"http://127.0.0.1:8080"}' }), ['/c.json'])).toBe('http://127.0.0.1:8080');
    expect(await readBackofficeOrigin(reader({ '/c.json': '{"backofficeUrl":"http://10.0.0.5:8080","allowInsecureBackoffice":true}' }), ['/c.json'])).toBe('http://10.0.0.5:8080');
  });

  it.each([
    ['malformed JSON', '{backofficeUrl:'],
    ['a javascript: URL', '{"backofficeUrl":"javascript:alert(1)"}'],
    ['a wildcard', '{"backofficeUrl":"*"}'],
    ['an empty value', '{"backofficeUrl":""}'],
  ])('allows no back office for %s', async (_name, text) => {
    expect(await readBackofficeOrigin(reader({ '/c.json': text }), ['/c.json'])).toBeNull();
  });
});
