import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_CONDITIONS } from '../../backoffice/src/store/sqliteConsole';
import type { QueueId } from '../../src/domain/console/queues';
import type { Catalogue } from '../../src/domain/catalogue';
import { callRoute, pushFrom, staffSession, type StaffSessionHandle } from './consoleFixtures';
import { harness, makeRequest, testCatalogue, type Harness } from './fixtures';

let h: Harness;
let agent: StaffSessionHandle;
let colleague: StaffSessionHandle;
afterEach(async () => {
  await h.app.close();
  h.store.close();
});

/** Requests received one minute apart, walked to their status by the colleague or the agent. */
async function requestsAt(statuses: Array<'received' | 'inReviewMine' | 'inReviewOther' | 'ready' | 'collected' | 'refused'>) {
  const kiosk = await h.enrol('north');
  const ids: string[] = [];
  for (const [i, status] of statuses.entries()) {
    const [request] = await pushFrom(h, kiosk, [makeRequest(kiosk.trackingPrefix, i + 1)]);
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    ids.push(request!.id);
    const who = status === 'inReviewMine' ? agent : colleague;
    const act = async (name: 'assign' | 'status' | 'refuse' | 'collect', body: Record<string, unknown>) => {
      const version = (await callRoute(h, who, 'request', { officeId: 'north', requestId: request!.id })).json().version as number;
      const response = await callRoute(h, who, name, { officeId: 'north', requestId: request!.id }, { expectedVersion: version, ...body });
      if (response.statusCode !== 200) throw new Error(`${name}: ${response.body}`);
    };
    if (status === 'received') continue;
    if (status === 'refused') {
      await act('refuse', { reasonCode: 'notEligible' });
      continue;
    }
    await act('assign', {});
    await act('status', { status: 'inReview' });
    if (status === 'inReviewMine' || status === 'inReviewOther') continue;
    await act('status', { status: 'ready' });
    if (status === 'collected') await act('collect', { collector: { kind: 'holder' } });
  }
  return ids;
}

const queue = async (id: QueueId, query = '') => (await callRoute(h, agent, 'queue', { officeId: 'north', queue: id }, {}, query)).json();

beforeEach(async () => {
  h = await harness();
  agent = await staffSession(h, 'north', 'agent', 'Agent');
  colleague = await staffSession(h, 'north', 'chief', 'Colleague');
});

describe('work queues', () => {
  const statuses = ['received', 'inReviewMine', 'inReviewOther', 'ready', 'collected', 'refused', 'received', 'inReviewMine'] as const;

  it.each<[QueueId, number[]]>([
    ['new', [0, 6]],
    ['inReviewMine', [1, 7]],
    ['inReviewAll', [1, 2, 7]],
    ['ready', [3]],
    ['collected', [4]],
    ['refused', [5]],
  ])('%s lists its requests, oldest first by default', async (id, expected) => {
    const ids = await requestsAt([...statuses]);
    const page = await queue(id);
    expect(page.items.map((item: { id: string }) => item.id)).toEqual(expected.map((i) => ids[i]));
    expect(page.total).toBe(expected.length);
  });

  it('counts every queue in one call', async () => {
    await requestsAt([...statuses]);
    const counts = (await callRoute(h, agent, 'queueCounts', { officeId: 'north' })).json();
    expect(counts).toEqual({ counts: { new: 2, inReviewMine: 2, inReviewAll: 3, ready: 1, collected: 1, refused: 1 }, overdue: 0 });
  });

  it('pages newest or oldest first, with the total', async () => {
    const ids = await requestsAt(['received', 'received', 'received', 'received', 'received']);
    const oldest = await queue('new', '?limit=2&offset=2');
    expect([oldest.items.map((i: { id: string }) => i.id), oldest.total, oldest.offset, oldest.limit]).toEqual([[ids[2], ids[3]], 5, 2, 2]);
    const newest = await queue('new', '?order=newest&limit=2');
    expect(newest.items.map((i: { id: string }) => i.id)).toEqual([ids[4], ids[3]]);
    expect((await callRoute(h, agent, 'queue', { officeId: 'north', queue: 'new' }, {}, '?limit=500')).statusCode).toBe(400);
    expect((await callRoute(h, agent, 'queue', { officeId: 'north', queue: 'later' })).statusCode).toBe(404);
  });

  it('keeps a stable order within one push batch (same reception time)', async () => {
    const kiosk = await h.enrol('north');
    await pushFrom(h, kiosk, [1, 2, 3, 4].map((seq) => makeRequest(kiosk.trackingPrefix, seq)));
    const first = (await queue('new', '?limit=2')).items.map((i: { id: string }) => i.id);
    const second = (await queue('new', '?limit=2&offset=2')).items.map((i: { id: string }) => i.id);
    expect(new Set([...first, ...second]).size).toBe(4);
  });

  it("marks a request overdue once its service's announced delay has passed", async () => {
    const catalogue: Catalogue = testCatalogue();
    catalogue.services = catalogue.services.map((service) => (service.id === 'life' ? { ...service, delayDays: 2 } : service));
    await h.store.importCatalogue('north', catalogue, h.clock.now.toISOString());
    const kiosk = await h.enrol('north');
    await pushFrom(h, kiosk, [makeRequest(kiosk.trackingPrefix, 1, { catalogueVersion: 2 }), makeRequest(kiosk.trackingPrefix, 2, { serviceId: 'birth_extract', catalogueVersion: 2, fields: { communeOfBirth: 'Fès', actNumber: '12', actYear: '1990' } })]);
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 24 * 3_600_000 + 60_000);
    agent = await staffSession(h, 'north', 'agent', 'Two days later');
    const page = await queue('new');
    expect(page.items.map((i: { serviceId: string; overdue: boolean }) => [i.serviceId, i.overdue])).toEqual([
      ['life', true],
      ['birth_extract', false],
    ]);
    expect((await callRoute(h, agent, 'queueCounts', { officeId: 'north' })).json().overdue).toBe(1);
  });

  it('shows the holder, the kiosk and who holds each request', async () => {
    await requestsAt(['inReviewOther']);
    const [row] = (await queue('inReviewAll')).items;
    expect(row).toMatchObject({
      holder: { latin: 'Mohamed El Amrani', arabic: 'محمد العمراني', cin: 'AB123456' },
      kiosk: { label: 'Kiosk 1' },
      assignee: { id: colleague.staffId, name: 'Colleague' },
      status: 'inReview',
      channel: 'kiosk',
    });
  });

  it.each(Object.keys(QUEUE_CONDITIONS) as QueueId[])('%s reads its page and its count from an index, in order, without sorting', (id) => {
    const condition = QUEUE_CONDITIONS[id]('someone');
    const where = `r.office_id = ? AND ${condition.sql}`;
    const plan = (sql: string) =>
      (h.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('north', ...condition.params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
    for (const dir of ['ASC', 'DESC']) {
      const page = plan(`SELECT r.id FROM requests r WHERE ${where} ORDER BY r.received_at ${dir}, r.id ${dir} LIMIT 25`);
      expect(page).toMatch(/USING (COVERING )?INDEX requests_queue/);
      expect(page).not.toContain('TEMP B-TREE');
    }
    expect(plan(`SELECT COUNT(*) FROM requests r WHERE ${where}`)).toMatch(/USING COVERING INDEX/);
  });
});
