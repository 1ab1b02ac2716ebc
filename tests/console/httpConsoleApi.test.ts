import { describe, expect, it, vi } from 'vitest';
import { ConsoleApiError } from '../../backoffice/console/src/api/consoleApi';
import { createHttpConsoleApi } from '../../backoffice/console/src/api/httpConsoleApi';
import { CONSOLE_PREFIX } from '../../src/domain/console/routes';
import { detail, ME, page, row } from './fakeConsoleApi';

function answering(...answers: Array<{ status?: number; body: unknown; headers?: Record<string, string> }>) {
  const queue = [...answers];
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
    const next = queue.shift() ?? { body: {} };
    return new Response(JSON.stringify(next.body), { status: next.status ?? 200, headers: { 'content-type': 'application/json', ...next.headers } });
  });
}

describe('the console API over HTTP', () => {
  it('sends the CSRF token from the session on every state change, never on reads', async () => {
    const fetch = answering({ body: ME }, { body: detail({ version: 2 }) }, { body: page([row()]) });
    const api = createHttpConsoleApi({ fetch });
    await api.login({ login: 'amina', password: 'a long secret phrase' });
    await api.command('berkane-1', 'req-1', 1, { action: 'assign' });
    await api.queue('berkane-1', 'new', { offset: 0, limit: 25, order: 'oldest' });
    const [, assign] = fetch.mock.calls[1]!;
    expect(fetch.mock.calls[1]![0]).toBe(`${CONSOLE_PREFIX}/offices/berkane-1/requests/req-1/assign`);
    expect(assign?.headers).toMatchObject({ 'x-csrf-token': ME.csrfToken });
    expect(assign?.body).toBe(JSON.stringify({ expectedVersion: 1 }));
    const [url, read] = fetch.mock.calls[2]!;
    expect(url).toBe(`${CONSOLE_PREFIX}/offices/berkane-1/queues/new?offset=0&limit=25&order=oldest`);
    expect(read?.headers).not.toHaveProperty('x-csrf-token');
    expect(read?.body).toBeUndefined();
  });

  it('sends an action with nothing to say as a JSON body, the only kind the back office reads', async () => {
    const fetch = answering({ body: ME }, { body: { bodies: [] } });
    const api = createHttpConsoleApi({ fetch });
    await api.login({ login: 'amina', password: 'a long secret phrase' });
    await api.removeBody('berkane-1', '0193a6f0-0000-7000-8000-00000000b001');
    const [url, remove] = fetch.mock.calls[1]!;
    expect(url).toBe(`${CONSOLE_PREFIX}/offices/berkane-1/directory/0193a6f0-0000-7000-8000-00000000b001/remove`);
    expect(remove?.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': ME.csrfToken });
    expect(remove?.body).toBe('{}');
  });

  it('reads "no session" from a 401 on me', async () => {
    const api = createHttpConsoleApi({ fetch: answering({ status: 401, body: { error: { code: 'unauthenticated', message: 'sign in' } } }) });
    expect(await api.me()).toBeNull();
  });

  it('turns an error answer into its status, code and Retry-After', async () => {
    const api = createHttpConsoleApi({ fetch: answering({ status: 429, body: { error: { code: 'locked_out', message: 'later' } }, headers: { 'retry-after': '900' } }) });
    const failure = await api.login({ login: 'amina', password: 'x' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConsoleApiError);
    expect(failure).toMatchObject({ status: 429, code: 'locked_out', retryAfterSeconds: 900 });
  });

  it('refuses an answer that does not match the contract', async () => {
    const api = createHttpConsoleApi({ fetch: answering({ body: { items: 'nope' } }) });
    await expect(api.queue('berkane-1', 'new', { offset: 0, limit: 25, order: 'oldest' })).rejects.toThrow();
  });

  it('polls the office’s events and calls back only for changes after the first answer', async () => {
    vi.useFakeTimers();
    try {
      const fetch = answering(
        { body: { events: [], cursor: 7, more: false } },
        { body: { events: [{ seq: 8, requestId: 'r', trackingCode: 'BRK-7K3Q-XM', kind: 'received', status: 'received', at: '2026-12-01T09:30:00.000Z' }], cursor: 8, more: false } },
      );
      const onChange = vi.fn();
      const stop = createHttpConsoleApi({ fetch, pollIntervalMs: 1_000 }).watchEvents('berkane-1', onChange);
      await vi.advanceTimersByTimeAsync(0);
      expect(onChange).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(fetch.mock.calls[1]![0]).toBe(`${CONSOLE_PREFIX}/offices/berkane-1/events?since=7`);
      expect(onChange).toHaveBeenCalledTimes(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the end of a session', () => {
  it('is announced when an office call answers 401, not when a sign-in does', async () => {
    const unauthenticated = { status: 401, body: { error: { code: 'unauthenticated', message: 'sign in' } } };
    const api = createHttpConsoleApi({ fetch: answering(unauthenticated, unauthenticated) });
    const ended = vi.fn();
    api.onSessionEnded(ended);
    await expect(api.login({ login: 'amina', password: 'x' })).rejects.toThrow();
    expect(ended).not.toHaveBeenCalled();
    await expect(api.queueCounts('berkane-1')).rejects.toThrow();
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
