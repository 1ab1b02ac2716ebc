import { v4 as uuidv4 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeDevice, revokeOffice } from '../../backoffice/src/cli/commands';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/domain/console/session';
import { staffSession, type StaffSessionHandle } from './consoleFixtures';
import { harness, makeRequest, type Harness } from './fixtures';
import { MAX_PUSH_BATCH } from '../../src/domain/syncProtocol';

/**
 * Fault test 9: malformed, oversized and hostile bodies against every endpoint get a clean 4xx
 * with the error shape, and nothing is stored. Fault test 8: a wrong or revoked token is a 401.
 */

let h: Harness;
let deviceToken: string;
let staff: StaffSessionHandle;
let prefix: string;

beforeEach(async () => {
  h = await harness();
  const kiosk = await h.enrol();
  deviceToken = kiosk.deviceToken;
  prefix = kiosk.trackingPrefix;
  staff = await staffSession(h, 'north', 'chief');
});
afterEach(async () => {
  await h.app.close();
  h.store.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const consoleHeaders = () => ({ cookie: `${SESSION_COOKIE}=${staff.cookie}`, [CSRF_HEADER]: staff.csrf });
const REFUSE_URL = '/api/v1/console/offices/north/requests/some-request/refuse';

const POST_ENDPOINTS = [
  { url: '/api/v1/enrol', headers: () => ({}) },
  { url: '/api/v1/requests/push', headers: () => bearer(deviceToken) },
  { url: '/api/v1/audit', headers: () => bearer(deviceToken) },
  { url: '/api/v1/devices/heartbeat', headers: () => bearer(deviceToken) },
  { url: REFUSE_URL, headers: consoleHeaders },
] as const;

const JSON_TYPE = 'application/json';
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** [what, content type, raw body, expected status, expected code] */
const HOSTILE_BODIES: Array<[string, string | undefined, string | Buffer, number, string]> = [
  ['truncated JSON', JSON_TYPE, '{"items": [', 400, 'malformed_json'],
  ['an empty JSON body', JSON_TYPE, '', 400, 'empty_body'],
  ['JSON null', JSON_TYPE, 'null', 400, 'invalid_body'],
  ['a JSON array', JSON_TYPE, '[]', 400, 'invalid_body'],
  ['plain text', 'text/plain', 'hello', 415, 'unsupported_media_type'],
  ['a form', 'application/x-www-form-urlencoded', 'a=1', 415, 'unsupported_media_type'],
  ['a body without a content type', undefined, '{"a":1}', 415, 'unsupported_media_type'],
  ['JSON in Latin-1', `${JSON_TYPE}; charset=latin1`, '{"a":1}', 415, 'unsupported_media_type'],
  ['invalid UTF-8', JSON_TYPE, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 400, 'invalid_utf8'],
  ['a __proto__ key', JSON_TYPE, '{"__proto__": {"polluted": true}, "items": []}', 400, 'malformed_json'],
  ['a constructor.prototype key', JSON_TYPE, '{"constructor": {"prototype": {"polluted": true}}}', 400, 'malformed_json'],
  ['deeply nested JSON', JSON_TYPE, `{"items": ${deep(4_000)}}`, 400, 'too_deep'],
  ['a body over the limit', JSON_TYPE, `{"items": ["${'x'.repeat(2 * 1024 * 1024 + 10)}"]}`, 413, 'body_too_large'],
];

describe.each(POST_ENDPOINTS)('hostile bodies against POST $url', ({ url, headers: auth }) => {
  it.each(HOSTILE_BODIES)('refuses %s with a clean error and stores nothing', async (_what, type, payload, status, code) => {
    const before = await h.store.stats();
    const headers: Record<string, string> = { ...auth() };
    if (type) headers['content-type'] = type;
    const response = await h.app.inject({ method: 'POST', url, payload, headers });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(await h.store.stats()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('too many members, refused before parsing', () => {
  const LARGE_BODY_ENDPOINTS = POST_ENDPOINTS.filter(({ url }) => url.endsWith('/push') || url.endsWith('/audit'));
  const bodies = [
    ['an array of 20,000 members', `{"items": [${Array(20_000).fill(1).join(',')}]}`],
    ['100,001 members in small arrays', `{"items": [${Array(1_000).fill(`[${Array(101).fill(0).join(',')}]`).join(',')}]}`],
  ] as const;
  it.each(LARGE_BODY_ENDPOINTS.flatMap(({ url, headers }) => bodies.map(([what, body]) => [url, what, body, headers] as const)))(
    'POST %s refuses %s with 400 too_wide',
    async (url, _what, payload, auth) => {
      const headers = { 'content-type': JSON_TYPE, ...auth() };
      const response = await h.app.inject({ method: 'POST', url, payload, headers });
      expect([response.statusCode, response.json().error.code]).toEqual([400, 'too_wide']);
    },
  );
});

describe('hostile query strings against the GET endpoints', () => {
  it.each([
    '/api/v1/changes?since=1e3',
    '/api/v1/changes?since=0x10',
    '/api/v1/changes?since[$gt]=0',
    '/api/v1/changes?__proto__[polluted]=1',
    "/api/v1/changes?since=1;DROP TABLE requests",
    '/api/v1/catalogue?since=abc',
    '/api/v1/catalogue?since=-1',
    '/api/v1/catalogue?version=1',
  ])('refuses %s with 400 invalid_query', async (url) => {
    const response = await h.get(url, deviceToken);
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'invalid_query']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['/api/v1/health?x=1', '/api/v1/openapi.json?__proto__=1'])('answers %s normally: it reads no input', async (url) => {
    expect((await h.get(url)).statusCode).toBe(200);
  });
});

describe('strict schemas on every POST body', () => {
  const request = () => makeRequest(prefix, 1);
  it.each<[string, string, () => unknown, () => Record<string, string>]>([
    ['enrol', '/api/v1/enrol', () => ({ code: 12345678, kioskLabel: 'k' }), () => ({})],
    ['enrol', '/api/v1/enrol', () => ({ code: 'ABCD-2345', kioskLabel: 'k', role: 'admin' }), () => ({})],
    ['push', '/api/v1/requests/push', () => ({ items: [request()], force: true }), () => bearer(deviceToken)],
    ['push', '/api/v1/requests/push', () => ({ items: JSON.stringify([request()]) }), () => bearer(deviceToken)],
    ['push', '/api/v1/requests/push', () => ({ items: Array.from({ length: MAX_PUSH_BATCH + 1 }, () => 0) }), () => bearer(deviceToken)],
    ['push', '/api/v1/requests/push', () => ({ items: [] }), () => bearer(deviceToken)],
    ['audit', '/api/v1/audit', () => ({ entries: [{ id: uuidv4(), at: 1764320000, action: 'a', detail: '' }] }), () => bearer(deviceToken)],
    ['audit', '/api/v1/audit', () => ({ entries: Array.from({ length: 600 }, () => 1) }), () => bearer(deviceToken)],
    ['heartbeat', '/api/v1/devices/heartbeat', () => ({ appVersion: '1.0', queueDepth: '3' }), () => bearer(deviceToken)],
    ['console', REFUSE_URL, () => ({ expectedVersion: '1', reasonCode: 'missingDocuments' }), consoleHeaders],
    ['console', REFUSE_URL, () => ({ expectedVersion: 1, reasonCode: 'because' }), consoleHeaders],
  ])('%s refuses a body that breaks its schema (%#) with 400 and stores nothing', async (_name, url, body, auth) => {
    const before = await h.store.stats();
    const response = await h.app.inject({ method: 'POST', url, payload: body() as object, headers: auth() });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('invalid_body');
    expect(await h.store.stats()).toEqual(before);
  });

  it('answers each pushed item that smuggles numbers as strings or prototype keys as invalid', async () => {
    const good = request();
    const items = [
      { ...good, kioskSeq: '1' },
      { ...good, catalogueVersion: '1' },
      JSON.parse(`{"id": "${good.id}", "prototype": {"x": 1}}`),
    ];
    const results = (await h.post('/api/v1/requests/push', { items }, deviceToken)).json().results;
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['invalid', 'invalid', 'invalid']);
    expect((await h.store.stats()).requests).toBe(0);
  });

  it('answers an item with thousands of unknown keys with a bounded list of errors', async () => {
    const bloated = { ...request(), ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 1])) };
    const [result] = (await h.post('/api/v1/requests/push', { items: [bloated] }, deviceToken)).json().results;
    expect(result.outcome).toBe('invalid');
    // Refused before the schema runs (issue 12): one error naming the object, never one per key.
    expect(result.errors.length).toBeLessThanOrEqual(20);
    expect(result.errors).toContainEqual({ path: '', code: 'tooManyKeys' });
  });

  it('stores SQL-looking strings verbatim', async () => {
    const sneaky = "Robert'); DROP TABLE requests;--";
    const pushed = makeRequest(prefix, 1, { identity: { ...request().identity, lastNameLatin: sneaky } });
    expect((await h.post('/api/v1/requests/push', { items: [pushed] }, deviceToken)).json().results[0].outcome).toBe('accepted');
    const entry = { id: uuidv4(), at: '2026-11-28T09:00:00.000Z', action: "x' OR 1=1 --", detail: sneaky };
    expect((await h.post('/api/v1/audit', { entries: [entry] }, deviceToken)).statusCode).toBe(200);
    const body = JSON.parse(h.store.db.prepare('SELECT body FROM requests').pluck().get() as string);
    expect(body.identity.lastNameLatin).toBe(sneaky);
    expect(h.store.db.prepare('SELECT action FROM audit_entries').pluck().get()).toBe("x' OR 1=1 --");
  });
});

describe('tokens (fault test 8)', () => {
  const DEVICE_ENDPOINTS: Array<[string, string, unknown]> = [
    ['POST', '/api/v1/requests/push', { items: [{}] }],
    ['GET', '/api/v1/changes', undefined],
    ['GET', '/api/v1/catalogue', undefined],
    ['POST', '/api/v1/audit', { entries: [{}] }],
    ['POST', '/api/v1/devices/heartbeat', { appVersion: '1' }],
  ];
  it.each(DEVICE_ENDPOINTS)('%s %s answers 401 to a missing, malformed or forged token', async (method, url, payload) => {
    for (const authorization of [undefined, 'Bearer', 'Basic dXNlcjpwYXNz', `Bearer ${'A'.repeat(43)}`, `bearer ${deviceToken}x`]) {
      const headers = authorization ? { authorization } : {};
      const response = await h.app.inject({ method: method as 'GET' | 'POST', url, payload: payload as object, headers });
      expect(response.statusCode, `${authorization}`).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
    }
  });

  it('answers 401 to a revoked device token and accepts nothing from it', async () => {
    const device = h.store.db.prepare('SELECT id FROM devices').pluck().get() as string;
    await revokeDevice(h.context, device);
    const response = await h.post('/api/v1/requests/push', { items: [makeRequest(prefix, 1)] }, deviceToken);
    expect([response.statusCode, response.json().error.code]).toEqual([401, 'token_revoked']);
    expect((await h.store.stats()).requests).toBe(0);
  });

  it("answers 403 to a kiosk of a revoked office", async () => {
    await revokeOffice(h.context, 'north');
    const response = await h.post('/api/v1/requests/push', { items: [makeRequest(prefix, 1)] }, deviceToken);
    expect([response.statusCode, response.json().error.code]).toEqual([403, 'office_revoked']);
    expect((await h.store.stats()).requests).toBe(0);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a device spends its quota, without touching other devices', async () => {
    const limited = await harness({ rateLimit: { max: 3, timeWindowMs: 60_000, enrolMax: 10 } });
    const first = await limited.enrol('north', 'a');
    const second = await limited.enrol('north', 'b');
    for (let i = 0; i < 3; i++) expect((await limited.get('/api/v1/changes', first.deviceToken)).statusCode).toBe(200);
    const refused = await limited.get('/api/v1/changes', first.deviceToken);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error.code).toBe('rate_limited');
    expect((await limited.get('/api/v1/changes', second.deviceToken)).statusCode).toBe(200);
    await limited.app.close();
    limited.store.close();
  });

  it('never limits the health check, which harnesses poll', async () => {
    const limited = await harness({ rateLimit: { max: 2, timeWindowMs: 60_000, enrolMax: 2 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.get('/api/v1/health')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await limited.app.close();
    limited.store.close();
  });

  it('limits enrolment attempts from one address', async () => {
    const limited = await harness({ rateLimit: { max: 100, timeWindowMs: 60_000, enrolMax: 2 } });
    const attempt = () => limited.post('/api/v1/enrol', { code: 'ABCD-2345', kioskLabel: 'k' });
    expect([(await attempt()).statusCode, (await attempt()).statusCode, (await attempt()).statusCode]).toEqual([401, 401, 429]);
    await limited.app.close();
    limited.store.close();
  });
});
