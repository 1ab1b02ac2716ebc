import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './faultProxy';

/** The proxy's own specification, against a tiny upstream that counts what it committed. */
describe('the fault-injecting proxy', () => {
  let upstream: Server;
  let committed: number;
  let proxy: FaultProxy;

  beforeEach(async () => {
    committed = 0;
    upstream = createServer((req, res) => {
      req.resume().on('end', () => {
        if (req.headers.authorization === 'Bearer forged') return void res.writeHead(401).end();
        committed += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ committed }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    proxy = await startFaultProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`);
  });

  afterEach(async () => {
    await proxy.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  const post = (path = 'api/v1/requests/push', signal?: AbortSignal) => fetch(new URL(path, proxy.url), { method: 'POST', body: '{}', signal });

  it('passes requests through untouched by default', async () => {
    expect(await (await post()).json()).toEqual({ committed: 1 });
  });

  it('lets the server commit, then drops the connection before the answer', async () => {
    proxy.set({ fault: { kind: 'dropAfterResponse' }, times: 1 });
    await expect(post()).rejects.toThrow();
    expect(committed).toBe(1);
    expect(await (await post()).json()).toEqual({ committed: 2 });
  });

  it('can let the status line through before dropping, so the body never arrives', async () => {
    proxy.set({ fault: { kind: 'dropAfterResponse', afterHeaders: true }, times: 1 });
    const response = await post();
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(committed).toBe(1);
  });

  it('answers 503 with Retry-After without reaching the server', async () => {
    proxy.set({ fault: { kind: 'status', status: 503, retryAfterSeconds: 7 } });
    const response = await post();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(committed).toBe(0);
  });

  it('resets the connection without reaching the server', async () => {
    proxy.set({ fault: { kind: 'reset' } });
    await expect(post()).rejects.toThrow();
    expect(committed).toBe(0);
  });

  it('hangs until the caller gives up', async () => {
    proxy.set({ fault: { kind: 'hang' } });
    await expect(post(undefined, AbortSignal.timeout(300))).rejects.toThrow();
    expect(committed).toBe(0);
  });

  it('faults only the requests whose path matches', async () => {
    proxy.set({ fault: { kind: 'status', status: 500 }, path: /push/ });
    expect((await post('api/v1/health')).status).toBe(200);
    expect((await post()).status).toBe(500);
    expect(proxy.count(/push/)).toBe(1);
  });

  it('replaces the device token, so the server itself judges a wrong one', async () => {
    proxy.set({ fault: { kind: 'forgeToken', token: 'forged' } });
    expect((await post()).status).toBe(401);
    expect(committed).toBe(0);
  });

  it('delivers slow answers in full', async () => {
    proxy.set({ fault: { kind: 'slow', delayMs: 200 } });
    expect(await (await post()).json()).toEqual({ committed: 1 });
  });
});
