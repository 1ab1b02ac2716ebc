import { describe, expect, it } from 'vitest';
import { SyncError } from '../../src/sync/syncError';
import { createTransport, type FetchLike, type Timers } from '../../src/sync/transport';

const NOW = Date.parse('2026-11-28T10:00:00Z');

/** Timers the test fires by hand: no real waiting. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (callback) => {
      pending.set(next, callback);
      return next++;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  return { timers, fireAll: () => [...pending.values()].forEach((fire) => fire()), pending };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function transportAnswering(answer: FetchLike, timers = manualTimers().timers) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, init });
    return answer(url, init);
  };
  return { transport: createTransport({ baseUrl: 'https://bo.example.ma/commune/', token: 'secret-token', timeoutMs: 5_000, fetch, now: () => NOW, timers }), calls };
}

async function failureOf(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

describe('the transport to the back office', () => {
  it('calls the versioned API under the configured path with the device token', async () => {
    const { transport, calls } = transportAnswering(async () => json(200, { changes: [], cursor: 3, more: false, highWater: 3 }));
    await transport.changes(3, 100);
    expect(calls[0]?.url).toBe('https://bo.example.ma/commune/api/v1/changes?since=3&limit=100');
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer secret-token' });
  });

  it('parses a push answer with the protocol schema', async () => {
    const results = [{ id: 'a', outcome: 'accepted' }, { id: 'b', outcome: 'invalid', errors: [{ path: 'identity.cin', code: 'cin' }] }];
    const { transport, calls } = transportAnswering(async () => json(200, { results }));
    expect(await transport.push([])).toEqual({ results });
    expect(calls[0]?.init).toMatchObject({ method: 'POST', body: '{"items":[]}' });
  });

  it.each([
    { status: 401, reason: 'unauthorized' },
    { status: 403, reason: 'forbidden' },
    { status: 426, reason: 'upgradeRequired' },
    { status: 429, reason: 'rateLimited' },
    { status: 408, reason: 'timeout' },
    { status: 500, reason: 'server' },
    { status: 502, reason: 'server' },
    { status: 503, reason: 'server' },
    { status: 400, reason: 'badRequest' },
    { status: 404, reason: 'badRequest' },
    { status: 413, reason: 'badRequest' },
  ])('classifies HTTP $status as $reason', async ({ status, reason }) => {
    const { transport } = transportAnswering(async () => json(status, { error: { code: 'x', message: 'refused' } }));
    const error = await failureOf(transport.push([]));
    expect(error.toJSON()).toEqual({ reason, message: 'x: refused', status, retryAfterMs: null });
  });

  it.each([
    { status: 429, header: '30', retryAfterMs: 30_000 },
    { status: 503, header: 'Sat, 28 Nov 2026 10:02:00 GMT', retryAfterMs: 120_000 },
  ])('reads Retry-After on $status', async ({ status, header, retryAfterMs }) => {
    const { transport } = transportAnswering(async () => new Response('<html>busy</html>', { status, headers: { 'retry-after': header } }));
    const error = await failureOf(transport.changes(0, 10));
    expect(error.retryAfterMs).toBe(retryAfterMs);
    expect(error.message).toBe(`HTTP ${status}`);
  });

  it('classifies a refused connection as network', async () => {
    const { transport } = transportAnswering(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect((await failureOf(transport.catalogue(1))).reason).toBe('network');
  });

  it('classifies a connection lost while reading the answer as network', async () => {
    const body = new ReadableStream({ start: (controller) => controller.error(new TypeError('reset')) });
    const { transport } = transportAnswering(async () => new Response(body, { status: 200 }));
    expect((await failureOf(transport.catalogue(1))).reason).toBe('network');
  });

  it('gives up with timeout when no answer comes in time, aborting the request', async () => {
    const clock = manualTimers();
    let signal: AbortSignal | undefined;
    const { transport } = transportAnswering(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          signal = init.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      clock.timers,
    );
    const call = failureOf(transport.push([]));
    clock.fireAll();
    const error = await call;
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('no answer within 5000 ms');
    expect(signal?.aborted).toBe(true);
  });

  it('clears its timer once answered', async () => {
    const clock = manualTimers();
    const { transport } = transportAnswering(async () => json(200, { catalogue: null }), clock.timers);
    expect(await transport.catalogue(4)).toBeNull();
    expect(clock.pending.size).toBe(0);
  });

  it('is abandoned at once when the caller aborts (the watchdog)', async () => {
    const outer = new AbortController();
    const { transport } = transportAnswering(
      (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const call = failureOf(transport.changes(0, 10, outer.signal));
    outer.abort();
    expect((await call).toJSON()).toMatchObject({ reason: 'timeout', message: 'call abandoned' });
  });

  it.each([
    { case: 'not JSON', body: 'hello' },
    { case: 'the wrong shape', body: JSON.stringify({ results: [{ id: 'a', outcome: 'maybe' }] }) },
    { case: 'empty', body: '' },
  ])('classifies a 200 answer that is $case as invalidResponse', async ({ body }) => {
    const { transport } = transportAnswering(async () => new Response(body, { status: 200 }));
    expect((await failureOf(transport.push([]))).reason).toBe('invalidResponse');
  });

  it('enrols without a token and returns the parsed identity', async () => {
    const identity = { deviceId: 'dev-1', deviceToken: 't'.repeat(40), officeId: 'berkane-1', officeName: 'Annexe 1', trackingPrefix: 'BRK' };
    const calls: RequestInit[] = [];
    const transport = createTransport({ baseUrl: 'https://bo.example.ma', timeoutMs: 5_000, now: () => NOW, timers: manualTimers().timers, fetch: async (_url, init) => (calls.push(init), json(200, identity)) });
    expect(await transport.enrol({ code: 'ABCD-1234', kioskLabel: 'Kiosk 1' })).toEqual(identity);
    expect(calls[0]?.headers).not.toHaveProperty('authorization');
  });
});
