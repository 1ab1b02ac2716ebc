import { afterEach, describe, expect, it } from 'vitest';
import { MIN_CIN_HOLDER_AGE_YEARS } from '../../src/domain/identity';
import { canonicalRequestJson } from '../../src/domain/request';
import { pushResponseSchema, type PushResult } from '../../src/domain/syncProtocol';
import { harness, makeRequest, type Harness } from './fixtures';

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

describe('push outcomes', () => {
  it('accepts a new request and records its first status, received, in the change log', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const request = makeRequest(kiosk.trackingPrefix, 1);
    expect(await push(kiosk.deviceToken, [request])).toEqual([{ id: request.id, outcome: 'accepted' }]);
    const changes = (await h.get('/api/v1/changes?since=0', kiosk.deviceToken)).json();
    expect(changes.changes).toEqual([
      { seq: 1, requestId: request.id, trackingCode: request.trackingCode, status: 'received', reason: null, changedAt: h.clock.now.toISOString(), proof: null },
    ]);
  });

  it('answers duplicate for the same id and the same content, whatever the key order', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const request = makeRequest(kiosk.trackingPrefix, 1);
    await push(kiosk.deviceToken, [request]);
    const reordered = JSON.parse(canonicalRequestJson(request)) as object;
    expect(await push(kiosk.deviceToken, [reordered])).toEqual([{ id: request.id, outcome: 'duplicate' }]);
    expect((await h.store.stats()).statusChanges).toBe(1);
  });

  it('answers conflict for the same id with different content, and keeps the first version', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const request = makeRequest(kiosk.trackingPrefix, 1);
    await push(kiosk.deviceToken, [request]);
    const altered = { ...request, locale: 'ar' };
    expect(await push(kiosk.deviceToken, [altered])).toEqual([{ id: request.id, outcome: 'conflict' }]);
    const body = h.store.db.prepare('SELECT body FROM requests WHERE id = ?').pluck().get(request.id);
    expect(body).toBe(canonicalRequestJson(request));
  });

  it.each([
    ['a missing identity field', (r: Record<string, unknown>) => ({ ...r, identity: { ...(r.identity as object), cin: undefined } }), 'identity.cin', 'invalid_type'],
    ['a number sent as a string', (r: Record<string, unknown>) => ({ ...r, kioskSeq: '1' }), 'kioskSeq', 'invalid_type'],
    ['an extra key', (r: Record<string, unknown>) => ({ ...r, isAdmin: true }), 'isAdmin', 'unrecognized_key'],
    ['a bad tracking check symbol', (r: Record<string, unknown>) => ({ ...r, trackingCode: 'ABC-00001-0' }), 'trackingCode', 'invalid'],
    ['an unknown service', (r: Record<string, unknown>) => ({ ...r, serviceId: 'passport' }), 'serviceId', 'unknownService'],
    ['a field the service does not have', (r: Record<string, unknown>) => ({ ...r, fields: { shoeSize: '42' } }), 'fields.shoeSize', 'unknownField'],
    ['a missing required field', (r: Record<string, unknown>) => ({ ...r, serviceId: 'birth_extract', fields: { communeOfBirth: 'Berkane', actYear: '1990' } }), 'fields.actNumber', 'required'],
    ['a birth date in the future', (r: Record<string, unknown>) => ({ ...r, identity: { ...(r.identity as object), dateOfBirth: '2030-01-01' } }), 'identity.dateOfBirth', 'dateInFuture'],
    ['Latin letters in an Arabic name', (r: Record<string, unknown>) => ({ ...r, identity: { ...(r.identity as object), lastNameArabic: 'Amrani' } }), 'identity.lastNameArabic', 'arabicScript'],
    ['a lower-case tracking code', (r: Record<string, unknown>) => ({ ...r, trackingCode: String(r.trackingCode).toLowerCase() }), 'trackingCode', 'notCanonical'],
  ])('answers invalid with the path for %s, and stores nothing', async (_name, spoil, path, code) => {
    h = await harness();
    const kiosk = await h.enrol();
    const request = makeRequest(kiosk.trackingPrefix, 1) as unknown as Record<string, unknown>;
    const [result] = await push(kiosk.deviceToken, [spoil(request)]);
    expect(result).toMatchObject({ id: request.id, outcome: 'invalid' });
    expect(result?.errors).toContainEqual({ path, code });
    expect((await h.store.stats()).requests).toBe(0);
  });

  it("accepts a date the kiosk's day has reached before UTC's (Morocco is ahead of UTC)", async () => {
    h = await harness();
    h.clock.now = new Date('2026-11-28T23:30:00.000Z');
    const kiosk = await h.enrol();
    // The youngest plausible CIN holder on the kiosk's day (2026-11-29), one day too young on UTC's.
    const dateOfBirth = `${2026 - MIN_CIN_HOLDER_AGE_YEARS}-11-29`;
    const request = makeRequest(kiosk.trackingPrefix, 1, { identity: { ...makeRequest('KPX', 1).identity, dateOfBirth } });
    expect(await push(kiosk.deviceToken, [request])).toEqual([{ id: request.id, outcome: 'accepted' }]);
  });

  it('answers invalid with a null id for an item that is not even an object', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    expect(await push(kiosk.deviceToken, ['hello'])).toEqual([{ id: null, outcome: 'invalid', errors: [{ path: '', code: 'invalid_type' }] }]);
  });

  it('refuses a request whose tracking code another request already carries', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    await push(kiosk.deviceToken, [makeRequest(kiosk.trackingPrefix, 1)]);
    const twin = makeRequest(kiosk.trackingPrefix, 1);
    expect(await push(kiosk.deviceToken, [twin])).toEqual([{ id: twin.id, outcome: 'invalid', errors: [{ path: 'trackingCode', code: 'taken' }] }]);
  });

  it('answers a mixed batch item by item, in the order sent, without one bad item blocking the rest', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const [a, b, c, d] = [1, 2, 3, 4].map((seq) => makeRequest(kiosk.trackingPrefix, seq));
    await push(kiosk.deviceToken, [a]);
    const results = await push(kiosk.deviceToken, [b, a, { ...a!, locale: 'en' }, { ...c!, serviceId: 'nope' }, d, b]);
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      [b!.id, 'accepted'],
      [a!.id, 'duplicate'],
      [a!.id, 'conflict'],
      [c!.id, 'invalid'],
      [d!.id, 'accepted'],
      [b!.id, 'duplicate'],
    ]);
    expect((await h.store.stats()).requests).toBe(3);
  });
});

describe('idempotency under replays', () => {
  it('stores each request once however often a batch is replayed, and answers duplicate to the replays', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const batch = Array.from({ length: 50 }, (_, i) => makeRequest(kiosk.trackingPrefix, i + 1));
    const first = await push(kiosk.deviceToken, batch);
    expect(first.every((r) => r.outcome === 'accepted')).toBe(true);
    for (let replay = 0; replay < 3; replay++) {
      const again = await push(kiosk.deviceToken, batch);
      expect(again.every((r) => r.outcome === 'duplicate')).toBe(true);
    }
    const stats = await h.store.stats();
    expect([stats.requests, stats.statusChanges]).toEqual([50, 50]);
  });

  it("records the kiosk's sequence so that gaps and replays are visible, rejected items included", async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const items = [1, 2, 5].map((seq) => makeRequest(kiosk.trackingPrefix, seq));
    await push(kiosk.deviceToken, [items[0], items[1], { ...items[2]!, serviceId: 'nope' }]);
    await push(kiosk.deviceToken, [items[1]]);
    expect(await h.store.getDevice(kiosk.deviceId)).toMatchObject({ lastKioskSeq: 5, kioskSeqGaps: 1, kioskSeqReplays: 1 });
  });
});
