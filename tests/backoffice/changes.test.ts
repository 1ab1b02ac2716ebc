import { afterEach, describe, expect, it } from 'vitest';
import { makeStatusProof } from '../../src/domain/statusProof';
import { changesResponseSchema, type ChangesResponse } from '../../src/domain/syncProtocol';
import { setStatus } from '../../backoffice/src/cli/commands';
import { harness, makeRequest, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

async function changes(token: string, query: string): Promise<ChangesResponse> {
  const response = await h.get(`/api/v1/changes?${query}`, token);
  expect(response.statusCode, response.body).toBe(200);
  return changesResponseSchema.parse(response.json());
}

async function pushOne(token: string, prefix: string, seq: number) {
  const request = makeRequest(prefix, seq);
  await h.post('/api/v1/requests/push', { items: [request] }, token);
  return request;
}

describe('changes feed', () => {
  it("passes each request's status-proof verifier to every kiosk of the office, and nothing that opens it", async () => {
    h = await harness();
    const taker = await h.enrol('north', 'Kiosk A');
    const other = await h.enrol('north', 'Kiosk B');
    const { proof, token } = await makeStatusProof({ cin: 'AB123456', dateOfBirth: '1990-04-12' });
    const request = makeRequest(taker.trackingPrefix, 1, { statusProof: proof });
    await h.post('/api/v1/requests/push', { items: [request] }, taker.deviceToken);
    const feed = await changes(other.deviceToken, 'since=0');
    expect(feed.changes.map((change) => change.proof)).toEqual([proof]);
    const text = JSON.stringify(feed);
    for (const secret of ['3456', '1990-04-12', 'AB123456', token]) expect(text).not.toContain(secret);
  });

  it('pages through changes in sequence order with cursor and more', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    for (let seq = 1; seq <= 5; seq++) await pushOne(kiosk.deviceToken, kiosk.trackingPrefix, seq);
    const first = await changes(kiosk.deviceToken, 'since=0&limit=2');
    expect([first.changes.map((c) => c.seq), first.cursor, first.more, first.highWater]).toEqual([[1, 2], 2, true, 5]);
    const second = await changes(kiosk.deviceToken, `since=${first.cursor}&limit=2`);
    expect([second.changes.map((c) => c.seq), second.cursor, second.more]).toEqual([[3, 4], 4, true]);
    const last = await changes(kiosk.deviceToken, `since=${second.cursor}&limit=2`);
    expect([last.changes.map((c) => c.seq), last.cursor, last.more]).toEqual([[5], 5, false]);
    const idle = await changes(kiosk.deviceToken, `since=${last.cursor}`);
    expect([idle.changes, idle.cursor, idle.more, idle.highWater]).toEqual([[], 5, false, 5]);
  });

  it("shows a kiosk only its own office's changes, and stops its cursor at its office's last one", async () => {
    h = await harness();
    const north = await h.enrol('north', 'n');
    const south = await h.enrol('south', 's');
    const mine = await pushOne(north.deviceToken, north.trackingPrefix, 1);
    await pushOne(south.deviceToken, south.trackingPrefix, 1);
    await pushOne(south.deviceToken, south.trackingPrefix, 2);
    const page = await changes(north.deviceToken, 'since=0');
    expect(page.changes.map((c) => c.requestId)).toEqual([mine.id]);
    // Not 3: offices are numbered under separate locks, so south's 3 says nothing of a north change still committing.
    expect([page.cursor, page.highWater]).toEqual([1, 1]);
  });

  it("keeps a cursor that another office's numbers moved forward (given before offices had their own locks), without calling it a restore", async () => {
    h = await harness();
    const north = await h.enrol('north', 'n');
    const south = await h.enrol('south', 's');
    await pushOne(north.deviceToken, north.trackingPrefix, 1);
    await pushOne(south.deviceToken, south.trackingPrefix, 1);
    await pushOne(south.deviceToken, south.trackingPrefix, 2);
    const page = await changes(north.deviceToken, 'since=3');
    expect([page.changes, page.cursor, page.highWater]).toEqual([[], 3, 3]);
    const next = await pushOne(north.deviceToken, north.trackingPrefix, 2);
    const after = await changes(north.deviceToken, 'since=3');
    expect([after.changes.map((c) => c.requestId), after.cursor, after.highWater]).toEqual([[next.id], 4, 4]);
  });

  it('carries staff status changes with their reason, after the received one', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const request = await pushOne(kiosk.deviceToken, kiosk.trackingPrefix, 1);
    await setStatus(h.context, request.trackingCode, 'refused', 'Missing proof of address');
    const page = await changes(kiosk.deviceToken, 'since=1');
    expect(page.changes).toEqual([expect.objectContaining({ seq: 2, status: 'refused', reason: 'Missing proof of address' })]);
  });

  it('keeps a cursor above highWater as it is, so the kiosk notices a server restored from a backup', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    await pushOne(kiosk.deviceToken, kiosk.trackingPrefix, 1);
    const page = await changes(kiosk.deviceToken, 'since=40');
    expect([page.changes, page.cursor, page.highWater]).toEqual([[], 40, 1]);
  });

  it.each(['since=-1', 'since=abc', 'since=1.5', 'limit=0', 'limit=5000', 'since=1&since=2', 'cursor=3'])(
    'refuses the query %s with 400',
    async (query) => {
      h = await harness();
      const kiosk = await h.enrol();
      const response = await h.get(`/api/v1/changes?${query}`, kiosk.deviceToken);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_query');
    },
  );
});
