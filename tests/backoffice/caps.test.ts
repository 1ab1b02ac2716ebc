import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ERRORS_PER_BATCH } from '../../backoffice/src/service/ingest';
import { MAX_ERRORS_PER_ITEM } from '../../backoffice/src/service/pushItems';
import { MAX_PUSH_BATCH } from '../../src/domain/syncProtocol';
import { harness, makeRequest, type Harness } from './fixtures';

/**
 * Issue 12, "one device can tire the server": the worst bodies a device can send within the body
 * limit get a bounded answer, and a health check sent at the same time is answered.
 * The bound is the one docs/security.md states for a push answer.
 */
const MAX_PUSH_ANSWER_BYTES = 512 * 1024;

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

/** [what, body, status]: each body fits the 2 MiB limit, so it reaches the checks. */
type WorstBody = [string, (prefix: string) => unknown, number];

const WORST_PUSHES: WorstBody[] = [
  ['one item with 150,000 unknown field keys', (p) => ({ items: [{ ...makeRequest(p, 1), fields: Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`k${i.toString(36)}`, '1'])) }] }), 200],
  ['one item with a 1.9 MiB tracking code', (p) => ({ items: [{ ...makeRequest(p, 1), trackingCode: 'A'.repeat(1_900_000) }] }), 200],
  ['1000 items with 15 unknown 64-character keys each', (p) => ({ items: Array.from({ length: MAX_PUSH_BATCH }, (_, i) => ({ ...makeRequest(p, i + 1), ...Object.fromEntries(Array.from({ length: 15 }, (_, k) => [`x${k}`.padEnd(64, 'x'), 1])) })) }), 200],
  ['1000 items with 25 unknown field keys each', (p) => ({ items: Array.from({ length: MAX_PUSH_BATCH }, (_, i) => ({ ...makeRequest(p, i + 1), fields: Object.fromEntries(Array.from({ length: 25 }, (_, k) => [`f${k}`.padEnd(40, 'f'), '1'])) })) }), 200],
  ['1000 items each of 30 keys of long strings', () => ({ items: Array.from({ length: MAX_PUSH_BATCH }, () => Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`k${k}`, 'é'.repeat(20)]))) }), 200],
  ['an items array of a million zeros', () => ({ items: Array.from({ length: 1_000_000 }, () => 0) }), 400],
];

describe('the worst push bodies', () => {
  it.each(WORST_PUSHES)('answer %s within the bound, with at most the capped errors', async (_label, body, status) => {
    h = await harness();
    const kiosk = await h.enrol();
    const response = await h.post('/api/v1/requests/push', body(kiosk.trackingPrefix), kiosk.deviceToken);
    expect(response.statusCode).toBe(status);
    expect(response.body.length).toBeLessThanOrEqual(MAX_PUSH_ANSWER_BYTES);
    if (response.statusCode === 200) {
      const results = response.json().results as Array<{ errors?: unknown[] }>;
      expect(Math.max(...results.map((r) => r.errors?.length ?? 0))).toBeLessThanOrEqual(MAX_ERRORS_PER_ITEM);
      expect(results.reduce((sum, r) => sum + (r.errors?.length ?? 0), 0)).toBeLessThanOrEqual(MAX_ERRORS_PER_BATCH + MAX_PUSH_BATCH);
    }
    expect((await h.store.stats()).requests).toBe(0);
  });

  it('answer a refusal of a huge string without echoing it', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const response = await h.post('/api/v1/requests/push', WORST_PUSHES[1]![1](kiosk.trackingPrefix), kiosk.deviceToken);
    expect(response.json().results[0]).toMatchObject({ outcome: 'invalid', errors: [{ path: 'trackingCode', code: 'stringTooLong' }] });
  });
});

describe('a health check during the worst bodies', () => {
  it('is answered while the server works through hostile pushes and audits over real HTTP', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const send = (url: string, body: unknown) =>
      fetch(`${base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.deviceToken}` },
        body: JSON.stringify(body),
      });
    const hostileAudit = { entries: Array.from({ length: 500 }, () => ({ id: uuidv4(), at: '2026-11-28T09:00:00.000Z', action: 'a', detail: '\u001b'.repeat(1000) })) };
    const load = [...WORST_PUSHES.slice(0, 4).map(([, body]) => send('/api/v1/requests/push', body(kiosk.trackingPrefix))), send('/api/v1/audit', hostileAudit)];
    const health = await fetch(`${base}/api/v1/health`);
    expect(health.status).toBe(200);
    const answers = await Promise.all(load);
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      expect((await answer.text()).length).toBeLessThanOrEqual(MAX_PUSH_ANSWER_BYTES);
    }
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
  });
});
