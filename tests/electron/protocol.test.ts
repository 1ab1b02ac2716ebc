import { describe, expect, it, vi } from 'vitest';
import { createPrintPages } from '../../electron/printPages';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler, registerAppProtocol, registerAppScheme, type AppProtocolOptions } from '../../electron/protocol';

const ROOT = '/opt/shubbak/resources/app.asar/dist';
const FILES: Record<string, string> = {
  [`${ROOT}/index.html`]: '<!doctype html><title>Shubbak</title>',
  [`${ROOT}/assets/index-abc123.js`]: 'console.log(1)',
  [`${ROOT}/assets/index-abc123.css`]: 'body{}',
  [`${ROOT}/assets/noto-sans-arabic.woff2`]: 'font',
  [`${ROOT}/pictograms/residence.svg`]: '<svg/>',
  [`${ROOT}/kiosk-config.json`]: '{"backofficeUrl":"https://shipped.example"}',
  ['/home/kiosk/.config/Shubbak/kiosk-config.json']: '{"backofficeUrl":"https://bo.example.ma"}',
  ['/etc/passwd']: 'root:x:0:0',
};

function handler(options: Partial<AppProtocolOptions> = {}) {
  const readFile = vi.fn(async (file: string) => {
    const text = FILES[file];
    if (text === undefined) throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  });
  return { handle: createAppRequestHandler({ root: ROOT, readFile, backofficeOrigin: 'https://bo.example.ma', ...options }), readFile };
}

const get = (url: string, method = 'GET') => ({ url, method });

describe('the app:// scheme', () => {
  it('is registered as a privileged standard, secure scheme (a real origin, not file:)', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    // corsEnabled would let another origin read app:// responses with no Access-Control-Allow-Origin check.
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('allowServiceWorkers');
  });

  it('installs its handler for the app scheme', () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, { root: ROOT, readFile: vi.fn(), backofficeOrigin: null });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('the app:// handler path guard', () => {
  it.each([
    ['a dot-dot segment', 'app://kiosk/../../../etc/passwd'],
    ['a dot-dot inside the path', 'app://kiosk/assets/../../etc/passwd'],
    ['an encoded dot-dot', 'app://kiosk/%2e%2e/%2e%2e/etc/passwd'],
    ['an upper-case encoded dot-dot', 'app://kiosk/%2E%2E/etc/passwd'],
    ['a half-encoded dot-dot', 'app://kiosk/.%2e/etc/passwd'],
    ['an encoded slash with dot-dot', 'app://kiosk/..%2f..%2fetc%2fpasswd'],
    ['a double-encoded dot-dot', 'app://kiosk/%252e%252e/etc/passwd'],
    ['a backslash traversal', 'app://kiosk/..\\..\\etc\\passwd'],
    ['an encoded backslash traversal', 'app://kiosk/..%5c..%5cetc%5cpasswd'],
    ['an absolute path', 'app://kiosk//etc/passwd'],
    ['an encoded absolute path', 'app://kiosk/%2fetc%2fpasswd'],
    ['a Windows drive path', 'app://kiosk/C:/Windows/win.ini'],
    ['an encoded NUL', 'app://kiosk/index.html%00.png'],
    ['malformed encoding', 'app://kiosk/%E0%A4%A'],
    ['a single-dot segment', 'app://kiosk/./index.html'],
    ['another host', 'app://evil.example/index.html'],
    ['a look-alike host', 'app://kiosk.evil.example/index.html'],
  ])('refuses %s (%s)', async (_name, url) => {
    const { handle, readFile } = handler();
    const response = await handle(get(url));
    expect(response.status).toBe(403);
    expect(readFile).not.toHaveBeenCalledWith('/etc/passwd');
    expect(readFile).not.toHaveBeenCalled();
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler().handle(get('app://kiosk/index.html', 'POST'))).status).toBe(405);
  });

  it('answers 404 for a file the build does not have', async () => {
    expect((await handler().handle(get('app://kiosk/missing.js'))).status).toBe(404);
  });
});

describe('the app:// handler serving the built renderer', () => {
  it.each([
    ['app://kiosk/index.html', 'text/html; charset=utf-8'],
    ['app://kiosk/', 'text/html; charset=utf-8'],
    ['app://kiosk/index.html?lang=ar#/home', 'text/html; charset=utf-8'],
    ['app://kiosk/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['app://kiosk/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['app://kiosk/assets/noto-sans-arabic.woff2', 'font/woff2'],
    ['app://kiosk/pictograms/residence.svg', 'image/svg+xml'],
    ['app://kiosk/kiosk-config.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s, with nosniff', async (url, type) => {
    const response = await handler().handle(get(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('carries a CSP with default-src self, no unsafe-eval, no remote script, and connect-src limited to the back office', async () => {
    const csp = (await handler().handle(get('app://kiosk/index.html'))).headers.get('content-security-policy')!;
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://bo.example.ma']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows no back office at all when none is configured', async () => {
    const csp = (await handler({ backofficeOrigin: null }).handle(get('app://kiosk/index.html'))).headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self';");
  });

  it('serves the operator copy of a file in place of the packaged one', async () => {
    const { handle } = handler({ overrides: { 'kiosk-config.json': '/home/kiosk/.config/Shubbak/kiosk-config.json' } });
    expect(await (await handle(get('app://kiosk/kiosk-config.json'))).text()).toContain('bo.example.ma');
  });

  it('falls back to the packaged file when the operator has no copy', async () => {
    const { handle } = handler({ overrides: { 'kiosk-config.json': '/nowhere/kiosk-config.json' } });
    expect(await (await handle(get('app://kiosk/kiosk-config.json'))).text()).toContain('shipped.example');
  });

  it('serves a receipt waiting to be printed under a script-less CSP, and forgets it once removed', async () => {
    const printPages = createPrintPages(() => '0190a0b1-7c2d-7e3f-8a4b-5c6d7e8f9a0b');
    const url = printPages.add('<p>receipt</p>');
    const { handle } = handler({ printPages });
    const response = await handle(get(url));
    expect(await response.text()).toBe('<p>receipt</p>');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    printPages.remove(url);
    expect((await handle(get(url))).status).toBe(404);
  });
});
