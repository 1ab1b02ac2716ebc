import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../backoffice/src/server';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';

const built = mkdtempSync(join(tmpdir(), 'console-dist-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
const store = openSqliteStore(':memory:');

afterAll(() => {
  store.close();
  rmSync(built, { recursive: true, force: true });
});

describe('the back office serves the console at /console/', () => {
  const app = buildServer({ store, consoleDir: built });

  it('answers the page with its own policy: same origin only, never framed', async () => {
    const page = await app.inject({ method: 'GET', url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    const script = await app.inject({ method: 'GET', url: '/console/assets/index-abc123.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toContain('immutable');
  });

  it('sends /console to /console/', async () => {
    const answer = await app.inject({ method: 'GET', url: '/console' });
    expect(answer.statusCode).toBe(301);
    expect(answer.headers.location).toBe('/console/');
  });

  it('says so when the console was not built', async () => {
    const bare = buildServer({ store, consoleDir: join(built, 'missing') });
    const answer = await bare.inject({ method: 'GET', url: '/console/' });
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ error: { code: 'console_not_built' } });
  });
});

describe("the console's policy", () => {
  it('allows no inline script or style and no other origin', async () => {
    const { CONSOLE_CSP } = await import('../../backoffice/src/http/consolePages');
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("style-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe');
    expect(CONSOLE_CSP).not.toMatch(/https?:/);
  });
});
