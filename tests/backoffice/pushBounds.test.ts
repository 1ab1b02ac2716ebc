import { afterEach, describe, expect, it } from 'vitest';
import { MAX_KIOSK_SEQ_STEP } from '../../backoffice/src/service/pushBounds';
import { pushResponseSchema, type PushResult } from '../../src/domain/syncProtocol';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { harness, makeRequest, type Harness } from './fixtures';

/** Issue 12: numbers the server keeps state from are bounded; metadata (notice version, dates) is checked. */

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

async function push(token: string, items: unknown[]): Promise<PushResult[]> {
  const response = await h.post('/api/v1/requests/push', { items }, token);
  expect(response.statusCode, response.body).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

describe('the kiosk sequence', () => {
  it.each([
    ['2^32', 2 ** 32],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER],
  ])('refuses %s, and the next real items are treated as if it had never come', async (_label, forged) => {
    h = await harness();
    const kiosk = await h.enrol();
    await push(kiosk.deviceToken, [makeRequest(kiosk.trackingPrefix, 1)]);
    const bad = { ...makeRequest(kiosk.trackingPrefix, 2), kioskSeq: forged, trackingCode: formatTrackingCode(kiosk.trackingPrefix, forged) };
    // The same number on an item that fails its schema must not move the sequence either.
    const broken = { kioskSeq: forged, id: 'x' };
    const [badResult] = await push(kiosk.deviceToken, [bad, broken]);
    expect(badResult).toMatchObject({ outcome: 'invalid', errors: [{ path: 'kioskSeq', code: 'outOfRange' }] });
    const next = [2, 3].map((seq) => makeRequest(kiosk.trackingPrefix, seq));
    expect((await push(kiosk.deviceToken, next)).map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect(await h.store.getDevice(kiosk.deviceId)).toMatchObject({ lastKioskSeq: 3, kioskSeqGaps: 0, kioskSeqReplays: 0 });
  });

  it('stores a valid item far past the window but records nothing from its number', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    await push(kiosk.deviceToken, [makeRequest(kiosk.trackingPrefix, 1)]);
    const far = makeRequest(kiosk.trackingPrefix, 1 + MAX_KIOSK_SEQ_STEP + 1);
    expect(await push(kiosk.deviceToken, [far])).toEqual([{ id: far.id, outcome: 'accepted' }]);
    const next = makeRequest(kiosk.trackingPrefix, 2);
    expect(await push(kiosk.deviceToken, [next])).toEqual([{ id: next.id, outcome: 'accepted' }]);
    expect(await h.store.getDevice(kiosk.deviceId)).toMatchObject({ lastKioskSeq: 2, kioskSeqGaps: 0, kioskSeqReplays: 0 });
  });

  it('does not let one forged item widen the window for the items after it in the same batch', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    await push(kiosk.deviceToken, [makeRequest(kiosk.trackingPrefix, 1)]);
    const near = makeRequest(kiosk.trackingPrefix, 1 + MAX_KIOSK_SEQ_STEP);
    const far = makeRequest(kiosk.trackingPrefix, 1 + 2 * MAX_KIOSK_SEQ_STEP);
    await push(kiosk.deviceToken, [near, far]);
    expect(await h.store.getDevice(kiosk.deviceId)).toMatchObject({ lastKioskSeq: 1 + MAX_KIOSK_SEQ_STEP, kioskSeqGaps: 1 });
  });

  it('takes up the numbering of a re-enrolled kiosk (a new device whose sequence goes on), but not a forged number among it', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const items = [50_000, 50_001, 50_002].map((seq) => makeRequest(kiosk.trackingPrefix, seq));
    const forged = makeRequest(kiosk.trackingPrefix, 50_000 + 5 * MAX_KIOSK_SEQ_STEP);
    expect((await push(kiosk.deviceToken, [...items, forged])).map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(await h.store.getDevice(kiosk.deviceId)).toMatchObject({ lastKioskSeq: 50_002, kioskSeqReplays: 0 });
  });
});

describe('consent notice and dates', () => {
  it('refuses a consent notice version the server does not know', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const request = makeRequest(kiosk.trackingPrefix, 1, { consent: { noticeVersion: 99, acceptedAt: '2026-11-28T09:59:00.000Z' } });
    expect(await push(kiosk.deviceToken, [request])).toEqual([
      { id: request.id, outcome: 'invalid', errors: [{ path: 'consent.noticeVersion', code: 'unknownNotice' }] },
    ]);
  });

  it.each([
    ['in the year 3000', '3000-01-01T00:00:00.000Z', 'ahead'],
    ['in 1969', '1969-12-31T23:59:59.000Z', 'behind'],
    ['an hour ahead of the server', '2026-11-28T11:00:00.000Z', 'ahead'],
    ['five minutes ahead (tolerated drift)', '2026-11-28T10:05:00.000Z', null],
    ['three months old (a kiosk long offline)', '2026-08-28T10:00:00.000Z', null],
  ])('keeps a request made %s, flagged %s, with the kiosk time as sent', async (_label, at, flag) => {
    h = await harness();
    const kiosk = await h.enrol();
    const request = makeRequest(kiosk.trackingPrefix, 1, { createdAt: at, consent: { noticeVersion: 1, acceptedAt: at } });
    expect(await push(kiosk.deviceToken, [request])).toEqual([{ id: request.id, outcome: 'accepted' }]);
    const row = h.store.db.prepare('SELECT clock_flag AS flag, body FROM requests').get() as { flag: string | null; body: string };
    expect(row.flag).toBe(flag);
    expect(JSON.parse(row.body).createdAt).toBe(at);
  });
});
