import { afterEach, describe, expect, it } from 'vitest';
import { enrolCode, revokeDevice } from '../../backoffice/src/cli/commands';
import { runCli } from '../../backoffice/src/cli/run';
import { parseTrustProxy } from '../../backoffice/src/http/trustProxy';
import { isLoopbackHost } from '../../backoffice/src/http/plainHttp';
import { buildServer } from '../../backoffice/src/server';
import { openSqliteStore, type SqliteStore } from '../../backoffice/src/store/sqliteStore';
import { NOW, testCatalogue } from './fixtures';

/** Issue 12, "enrolment and lookups": trusted proxy, buckets per address and per office, one answer for every bad code. */

let store: SqliteStore;
let logs: string[];
afterEach(() => store?.close());

async function server(options: { trustProxy?: string[]; enrolMax?: number; enrolOfficeMax?: number } = {}) {
  store = openSqliteStore(':memory:');
  logs = [];
  for (const id of ['north', 'south']) {
    await store.createOffice({ id, name: id, createdAt: NOW.toISOString() });
    await store.importCatalogue(id, testCatalogue(), NOW.toISOString());
  }
  const app = buildServer({
    store,
    now: () => NOW,
    // The CLI's default level: what is logged here is what an operator sees.
    logger: { level: 'warn', stream: { write: (line) => logs.push(line) } },
    rateLimit: { max: 100, timeWindowMs: 60_000, enrolMax: options.enrolMax ?? 3, enrolOfficeMax: options.enrolOfficeMax ?? 30 },
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });
  const context = { store, now: () => NOW, print: () => undefined, defaultCatalogue: testCatalogue };
  const enrol = (code: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code, kioskLabel: 'Hall' }, headers });
  return { app, context, enrol };
}

describe('behind a trusted reverse proxy', () => {
  it('counts each client address in its own bucket, so one guesser does not block a real enrolment', async () => {
    const { app, context, enrol } = await server({ trustProxy: ['127.0.0.1'] });
    const guesser = { 'x-forwarded-for': '203.0.113.7' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await enrol('ABCD-2345', guesser)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const real = await enrol(await enrolCode(context, 'north'), { 'x-forwarded-for': '198.51.100.2' });
    expect(real.statusCode).toBe(200);
    await app.close();
  });

  it('without the setting, ignores X-Forwarded-For: a client cannot pick its own bucket', async () => {
    const { app, enrol } = await server();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await enrol('ABCD-2345', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    await app.close();
  });

  it.each([
    ['off', false],
    ['', false],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, ::1', ['10.0.0.0/8', '::1']],
  ])('reads the setting %j', (text, value) => {
    expect(parseTrustProxy(text)).toEqual({ ok: true, value });
  });

  it.each(['true', 'all', '*', '10.0.0.0/33', 'proxy.example'])('refuses the setting %j', (text) => {
    expect(parseTrustProxy(text).ok).toBe(false);
  });
});

describe('one answer for every bad code', () => {
  it('answers unknown, used and expired codes alike, and logs which one it was at the default level', async () => {
    const { app, context, enrol } = await server({ enrolMax: 100 });
    const used = await enrolCode(context, 'north');
    await enrol(used);
    const unknownAnswer = await enrol('ABCD-2345');
    const usedAnswer = await enrol(used);
    expect(usedAnswer.statusCode).toBe(unknownAnswer.statusCode);
    expect(usedAnswer.json()).toEqual(unknownAnswer.json());
    const reasons = logs.map((line) => JSON.parse(line) as { msg: string; reason?: string }).filter((l) => l.msg === 'enrolment refused');
    expect(reasons.map((l) => l.reason)).toEqual(['unknown', 'used']);
    expect(logs.join('\n')).not.toContain(used);
    await app.close();
  });
});

describe('per-office and per-token buckets', () => {
  it('limits attempts with codes of one office, without touching another office', async () => {
    const { app, context, enrol } = await server({ enrolMax: 100, enrolOfficeMax: 2 });
    const used = await enrolCode(context, 'north');
    await enrol(used);
    expect((await enrol(used)).statusCode).toBe(401);
    expect((await enrol(used)).statusCode).toBe(429);
    expect((await enrol(await enrolCode(context, 'south'))).statusCode).toBe(200);
    await app.close();
  });

  it('does not give a revoked device token a bucket of its own, on enrolment or elsewhere', async () => {
    const { app, context, enrol } = await server({ enrolMax: 2 });
    const kiosk = (await enrol(await enrolCode(context, 'north'))).json<{ deviceId: string; deviceToken: string }>();
    await revokeDevice(context, kiosk.deviceId);
    const withToken = { authorization: `Bearer ${kiosk.deviceToken}` };
    expect((await enrol('ABCD-2345', withToken)).statusCode).toBe(401);
    expect((await enrol('ABCD-2345')).statusCode).toBe(429);
    expect((await enrol('ABCD-2345', withToken)).statusCode).toBe(429);
    await app.close();
  });
});

describe('plain http:// on the network', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.0.1', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['::', false],
  ])('treats %s as loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('refuses to serve on a non-loopback host unless explicitly allowed', async () => {
    const err: string[] = [];
    const code = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { stdout: () => undefined, stderr: (l) => err.push(l), env: {} });
    expect(code).toBe(2);
    expect(err[0]).toContain('--allow-plain-http');
  });
});
