import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MissingBuildError, startKioskServer, type RunningKioskServer } from '../../scripts/kioskServer';

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(url: string, rawPath: string): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the kiosk page server', () => {
  let root: string;
  let distDir: string;
  let server: RunningKioskServer | null = null;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'shubbak-kiosk-server-'));
    distDir = path.join(root, 'dist');
    await mkdir(path.join(distDir, 'assets'), { recursive: true });
    await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(path.join(root, 'secret.txt'), 'outside the build');
  });

  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('refuses to start without a build and says how to make one', async () => {
    await expect(startKioskServer({ distDir: path.join(root, 'nothing'), config: {} })).rejects.toThrow(MissingBuildError);
    await expect(startKioskServer({ distDir: path.join(root, 'nothing'), config: {} })).rejects.toThrow(/npm run build:web/);
  });

  it('serves index.html at the root with the security headers', async () => {
    server = await startKioskServer({ distDir, config: { backofficeUrl: 'http://127.0.0.1:8787/' } });
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:8787");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    server = await startKioskServer({ distDir, config: {} });
    const response = await fetch(new URL('assets/index-abc123.js', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers kiosk-config.json with the configuration it was given, uncached', async () => {
    const config = { backofficeUrl: 'http://127.0.0.1:9000/', demoEnrolmentCode: 'ABCD-1234', officeName: 'Bureau de démonstration' };
    server = await startKioskServer({ distDir, config });
    const response = await fetch(new URL('kiosk-config.json', server.url));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(config);
  });

  it.each([
    ['a parent directory', '/../secret.txt'],
    ['an encoded parent directory', '/%2e%2e/secret.txt'],
    ['a doubly encoded parent directory', '/assets/%252e%252e/%252e%252e/secret.txt'],
    ['an absolute path', '//etc/passwd'],
  ])('never serves a file outside the build through %s', async (_name, rawPath) => {
    server = await startKioskServer({ distDir, config: {} });
    const response = await rawGet(server.url, rawPath);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body).not.toContain('outside the build');
    expect(response.body).not.toContain('root:');
  });

  it('answers 404 for a file that does not exist, still with the security headers', async () => {
    server = await startKioskServer({ distDir, config: {} });
    const response = await fetch(new URL('missing.js', server.url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
