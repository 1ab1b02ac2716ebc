import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { PORTAL_CSP, registerPortalPages } from '../../../backoffice/src/http/portalPages';

const dist = mkdtempSync(join(tmpdir(), 'portal-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
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

  it('says the portal is not built rather than failing', async () => {
    const app = Fastify();
    registerPortalPages(app, join(dist, 'missing'));
    const answer = await app.inject('/portal/');
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ error: { code: 'portal_not_built' } });
    await app.close();
  });
});
