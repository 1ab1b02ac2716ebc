import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { PORTAL_CSP, registerPortalPages } from '../../../backoffice/src/http/portalPages';

const dist = mkdtempSync(join(tmpdir(), 'portal-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
// What portal/precompress.ts writes beside a text file of the build.
const entry = 'console.log("the portal starts");'.repeat(100);
writeFileSync(join(dist, 'assets', 'index-big456.js'), entry);
writeFileSync(join(dist, 'assets', 'index-big456.js.br'), brotliCompressSync(entry));
writeFileSync(join(dist, 'assets', 'index-big456.js.gz'), gzipSync(entry));
writeFileSync(join(dist, 'index.html.br'), brotliCompressSync('<!doctype html><title>portal</title>'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the back office serving the portal at /portal/', () => {
  it('serves the page and the service worker to be revalidated, hashed assets for good, all under the portal CSP', async () => {
    const app = Fastify();
    registerPortalPages(app, dist);
    const page = await app.inject('/portal/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(PORTAL_CSP);
    expect(PORTAL_CSP).toContain("worker-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await app.inject('/portal/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await app.inject('/portal/assets/index-abc123.js')).headers['cache-control']).toContain('immutable');
    expect((await app.inject('/portal')).statusCode).toBe(301);
    await app.close();
  });

  it('sends the compressed copy the browser accepts, with the original type, and the original to one that accepts none', async () => {
    const app = Fastify();
    registerPortalPages(app, dist);
    const url = '/portal/assets/index-big456.js';
    const brotli = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toContain('javascript');
    expect(brotli.headers.vary).toContain('Accept-Encoding');
    expect(brotli.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(entry);
    const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(entry);
    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(entry);
    // The page's compressed copy is revalidated like the page.
    const page = await app.inject({ url: '/portal/', headers: { 'accept-encoding': 'br' } });
    expect([page.headers['content-encoding'], page.headers['cache-control'], page.headers['content-type']]).toEqual(['br', 'no-cache', expect.stringContaining('text/html')]);
    await app.close();
  });

  it('says the portal is not built rather than failing', async () => {
    const app = Fastify();
    registerPortalPages(app, join(dist, 'missing'));
    const answer = await app.inject('/portal/');
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ error: { code: 'portal_not_built' } });
    await app.close();
  });
});
