import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../backoffice/src/server';
import { openSqliteStore, type SqliteStore } from '../../../backoffice/src/store/sqliteStore';
import { NOW, testCatalogue } from '../fixtures';
import { MAX_ANSWER_BYTES, STACK_TRACE } from './corpus';

/**
 * Raw HTTP attacks over a real socket (issue 12's hostile suite): truncated and never-ending
 * bodies, invalid UTF-8, a gzip bomb, request smuggling, header floods, malformed request lines.
 * The server answers each with a 4xx (or closes the connection), never a 5xx or a stack trace,
 * and stays up: a health check after each is answered.
 */

let store: SqliteStore;
let app: ReturnType<typeof buildServer>;
let port: number;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  await store.createOffice({ id: 'north', name: 'North', createdAt: NOW.toISOString() });
  await store.importCatalogue('north', testCatalogue(), NOW.toISOString());
  // Short timeouts so the never-ending attacks end within the test; the production values are in DEFAULT_TIMEOUTS.
  app = buildServer({ store, rateLimit: false, timeouts: { connectionMs: 1_000, requestMs: 1_500 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await app.close();
  store.close();
});

interface RawAnswer {
  status: number | null;
  text: string;
  /** `server` when the server closed the connection, `gaveUp` when this test stopped waiting. */
  endedBy: 'server' | 'gaveUp';
}

/** Sends raw bytes (then optional drips, one every `dripMs`), and collects what comes back until the server closes or `waitMs` passes. */
function raw(head: string | Buffer, options: { drip?: Buffer; dripMs?: number; waitMs?: number; end?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let dripper: NodeJS.Timeout | undefined;
    const finish = (endedBy: RawAnswer['endedBy']) => {
      clearTimeout(timer);
      clearInterval(dripper);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : null, text, endedBy });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => finish('server'));
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write(head);
      if (options.drip) dripper = setInterval(() => socket.writable && socket.write(options.drip!), options.dripMs ?? 100);
      else if (options.end) socket.end();
    });
    const timer = setTimeout(() => finish('gaveUp'), options.waitMs ?? 5_000);
  });
}

const post = (path: string, headers: Record<string, string | number>, body: string | Buffer = '') =>
  Buffer.concat([
    Buffer.from(`POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`, 'latin1'),
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  ]);

const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x30));

const ATTACKS: Array<[string, () => Promise<RawAnswer>]> = [
  ['a truncated body', () => raw(post('/api/v1/enrol', { 'content-type': 'application/json', 'content-length': 100 }, '{"code":'), { end: true })],
  ['a never-ending body (Content-Length)', () => raw(post('/api/v1/enrol', { 'content-type': 'application/json', 'content-length': 10_000_000 }, '{"code":"'), { drip: Buffer.from('A'), dripMs: 50 })],
  ['a never-ending chunked body', () => raw(post('/api/v1/enrol', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, '1\r\n{\r\n'), { drip: Buffer.from('400\r\n' + ' '.repeat(1024) + '\r\n'), dripMs: 10 })],
  ['never-ending headers (slowloris)', () => raw('POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\n', { drip: Buffer.from('X-a: b\r\n'), dripMs: 100 })],
  ['invalid UTF-8', () => raw(post('/api/v1/enrol', { 'content-type': 'application/json', 'content-length': 12 }, Buffer.from([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])))],
  ['a gzip bomb', () => raw(post('/api/v1/enrol', { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length }, bomb))],
  ['a gzip bomb with no content type', () => raw(post('/api/v1/enrol', { 'content-encoding': 'gzip', 'content-length': bomb.length }, bomb))],
  ['Content-Length and Transfer-Encoding together (smuggling)', () => raw(post('/api/v1/enrol', { 'content-type': 'application/json', 'content-length': 4, 'transfer-encoding': 'chunked' }, '0\r\n\r\nGET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n'))],
  ['two Content-Length headers', () => raw('POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 20\r\n\r\n{}')],
  ['a negative Content-Length', () => raw(post('/api/v1/enrol', { 'content-type': 'application/json', 'content-length': -1 }, '{}'))],
  ['a malformed request line', () => raw('GARBAGE\r\n\r\n')],
  ['a NUL in the request line', () => raw('GET /api/v1/health\u0000 HTTP/1.1\r\nHost: x\r\n\r\n')],
  ['a 100 KiB URL', () => raw(`GET /api/v1/changes?since=${'9'.repeat(100 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`)],
  ['ten thousand headers', () => raw(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 10_000 }, (_, i) => `X-${i}: y\r\n`).join('')}\r\n`)],
  ['a body on a GET', () => raw('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{"a":1}x')],
  ['a hundred pipelined requests', () => raw('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(100), { waitMs: 1_500 })],
  ['an unknown method', () => raw('BREW /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n')],
  ['a bearer token of 1 MiB', () => raw(`GET /api/v1/changes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'A'.repeat(1024 * 1024)}\r\n\r\n`)],
];

describe('slow clients', () => {
  it('cuts a client that sends its headers a line at a time, soon after the request timeout', async () => {
    const answer = await raw('POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\n', { drip: Buffer.from('X-a: b\r\n'), dripMs: 100, waitMs: 15_000 });
    // The server cut it (a 408, or a closed socket), long before this test's own give-up.
    expect(answer.endedBy).toBe('server');
    expect([408, null]).toContain(answer.status);
  });
});

describe('raw HTTP attacks', () => {
  it.each(ATTACKS)('%s: a 4xx or a closed connection, never a 5xx, and the server stays up', async (_label, attack) => {
    const answer = await attack();
    const statuses = [...answer.text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses.filter((s) => s >= 500), answer.text.slice(0, 300)).toEqual([]);
    expect(answer.text.length).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
    expect(answer.text).not.toMatch(STACK_TRACE);
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(health.status).toBe(200);
  });
});
