/**
 * The worst-case cost of one request (issue 12, docs/security.md "Cost of one request"): the
 * worst bodies a device can send within the body limit, against the back office in this
 * process (in-memory store, rate limit off), each timed as the event-loop time of one request.
 * Baseline, same run: the largest legitimate push, 1000 valid requests. Last line: one JSON object.
 *
 *   npm run bench:hostile
 */
import { performance } from 'node:perf_hooks';
import { v4 as uuidv4 } from 'uuid';
import { BENCH_CATALOGUE, benchRequest } from '../backoffice/src/bench/benchRequests';
import { createOffice, enrolCode } from '../backoffice/src/cli/commands';
import { buildServer } from '../backoffice/src/server';
import { openSqliteStore } from '../backoffice/src/store/sqliteStore';
import { enrolResponseSchema, MAX_PUSH_BATCH } from '../src/domain/syncProtocol';
import { median, round } from './stats';

const RUNS = 5;
const NOW = new Date();

async function main(): Promise<void> {
  const store = openSqliteStore(':memory:');
  const context = { store, now: () => NOW, print: () => undefined, defaultCatalogue: () => BENCH_CATALOGUE };
  await createOffice(context, { id: 'bench', name: 'Bench office' });
  const app = buildServer({ store, rateLimit: false, now: () => NOW });
  const enrolled = await app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code: await enrolCode(context, 'bench'), kioskLabel: 'Bench' } });
  const kiosk = enrolResponseSchema.parse(enrolled.json());
  const at = NOW.toISOString();
  let seq = 0;
  const valid = () => benchRequest(kiosk.trackingPrefix, ++seq, at);

  const bodies: Record<string, { url: string; body: () => string }> = {
    'baseline: 1000 valid requests': { url: '/api/v1/requests/push', body: () => JSON.stringify({ items: Array.from({ length: MAX_PUSH_BATCH }, valid) }) },
    '150,000 unknown field keys': {
      url: '/api/v1/requests/push',
      body: () => JSON.stringify({ items: [{ ...valid(), fields: Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`k${i.toString(36)}`, '1'])) }] }),
    },
    '1.9 MiB tracking code': { url: '/api/v1/requests/push', body: () => JSON.stringify({ items: [{ ...valid(), trackingCode: 'A'.repeat(1_900_000) }] }) },
    '1000 items, 25 unknown fields each': {
      url: '/api/v1/requests/push',
      body: () => JSON.stringify({ items: Array.from({ length: MAX_PUSH_BATCH }, () => ({ ...valid(), fields: Object.fromEntries(Array.from({ length: 25 }, (_, k) => [`f${k}`.padEnd(40, 'f'), '1'])) })) }),
    },
    '1000 items, hostile names to clean': {
      url: '/api/v1/requests/push',
      body: () => JSON.stringify({ items: Array.from({ length: MAX_PUSH_BATCH }, () => ({ ...valid(), identity: { ...valid().identity, lastNameLatin: ` ${'e\u0301'.repeat(50)} ` } })) }),
    },
    '500 audit entries of escape characters': {
      url: '/api/v1/audit',
      body: () => JSON.stringify({ entries: Array.from({ length: 500 }, () => ({ id: uuidv4(), at, action: 'a', detail: '\u001b'.repeat(300) })) }),
    },
    '10 items of 9,999 unknown keys (just inside the member limits)': {
      url: '/api/v1/requests/push',
      body: () => JSON.stringify({ items: Array.from({ length: 10 }, () => Object.fromEntries(Array.from({ length: 9_999 }, (_, i) => [`k${i.toString(36)}`, 0]))) }),
    },
    '1000 items of 99 keys (just inside the total member limit)': {
      url: '/api/v1/requests/push',
      body: () => JSON.stringify({ items: Array.from({ length: 1_000 }, () => Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`k${i}`, 0]))) }),
    },
    'a million-element items array': { url: '/api/v1/requests/push', body: () => JSON.stringify({ items: Array.from({ length: 1_000_000 }, () => 0) }) },
  };

  const results: Record<string, { ms: number; answerBytes: number; status: number; bodyBytes: number }> = {};
  for (const [name, { url, body }] of Object.entries(bodies)) {
    const times: number[] = [];
    let last = { answerBytes: 0, status: 0, bodyBytes: 0 };
    for (let run = 0; run < RUNS; run++) {
      const payload = body();
      const started = performance.now();
      const response = await app.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.deviceToken}` },
      });
      times.push(performance.now() - started);
      last = { answerBytes: response.body.length, status: response.statusCode, bodyBytes: Buffer.byteLength(payload) };
    }
    results[name] = { ms: round(median(times)), ...last };
    console.log(`${name}: ${results[name].ms} ms (median of ${RUNS}), status ${last.status}, body ${last.bodyBytes} B, answer ${last.answerBytes} B`);
  }
  await app.close();
  store.close();

  const baseline = results['baseline: 1000 valid requests']!;
  const hostile = Object.entries(results).filter(([name]) => !name.startsWith('baseline'));
  const [worstName, worst] = hostile.reduce((a, b) => (b[1].ms > a[1].ms ? b : a));
  console.log(
    JSON.stringify({
      bench: 'hostileCost',
      runs: RUNS,
      baselineMs: baseline.ms,
      worst: worstName,
      worstMs: worst.ms,
      ratio: round(worst.ms / baseline.ms),
      largestAnswerBytes: Math.max(...hostile.map(([, r]) => r.answerBytes)),
      results,
    }),
  );
}

void main();
