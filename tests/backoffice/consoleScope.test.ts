import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROUTES, consolePath, type ConsoleRouteName } from '../../src/domain/console/routes';
import { callRoute, pushOne, staffSession, type StaffSessionHandle } from './consoleFixtures';
import { harness, servedRoutes, type Harness } from './fixtures';

/**
 * Office scoping, route by route: an admin of office A (the strongest role) tries every console
 * route of the server on office B's things, and on office A's path with B's ids. Each answer is
 * a 404 and nothing of B changes. The list of routes comes from the server itself, so a route
 * added later is tried too (and must be in CONSOLE_ROUTES, which gives its parameters).
 */

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

const OFFICE_ROUTES = Object.entries(CONSOLE_ROUTES).filter(([, route]) => route.path.includes('/offices/:officeId')) as Array<
  [ConsoleRouteName, (typeof CONSOLE_ROUTES)[ConsoleRouteName]]
>;

/** A valid body for each action, so that a 404 is scoping at work, not a schema refusal. */
const BODIES: Partial<Record<ConsoleRouteName, unknown>> = {
  assign: { expectedVersion: 0 },
  release: { expectedVersion: 0 },
  checklist: { expectedVersion: 0, index: 0, checked: true },
  status: { expectedVersion: 0, status: 'inReview' },
  refuse: { expectedVersion: 0, reasonCode: 'missingDocuments' },
  collect: { expectedVersion: 0, collector: { kind: 'holder' } },
  certificateIssue: { expectedVersion: 0 },
  certificateRevoke: { reason: 'issued in error' },
  staffCreate: { name: 'Intruder', role: 'admin' },
  staffRole: { role: 'agent' },
  catalogueService: {
    expectedVersion: 1,
    active: false,
    delay: { ar: 'يومان', zgh: 'ⵙⵉⵏ ⵡⵓⵙⵙⴰⵏ', fr: 'deux jours', en: 'two days' },
    delayDays: 2,
    fee: { amountMad: null, confirmed: false },
    documents: [],
  },
};

describe('the console routes', () => {
  let served: string[];
  beforeAll(async () => {
    const probe = await harness();
    served = (await servedRoutes(probe.app)).filter((route) => route.includes('/api/v1/console/'));
    await probe.app.close();
    probe.store.close();
  });

  it('are exactly the contract table, so the walk below covers every one the server serves', () => {
    const table = Object.values(CONSOLE_ROUTES).map((route) => `${route.method} ${route.path}`);
    expect(new Set(served)).toEqual(new Set(table));
  });

  it('answer 404 to an admin of another office, on every route, and change nothing there', async () => {
    h = await harness();
    const southKiosk = await h.enrol('south', 'South hall');
    const southRequest = await pushOne(h, southKiosk, 1);
    const southAgent = await staffSession(h, 'south', 'agent', 'South agent');
    const northAdmin: StaffSessionHandle = await staffSession(h, 'north', 'admin', 'North admin');
    const ids = { requestId: southRequest.id, staffId: southAgent.staffId, kioskId: southKiosk.deviceId, queue: 'new', number: 'SOUTH-2026-000001', bodyId: '00000000-0000-4000-8000-000000000000', forwardId: '00000000-0000-4000-8000-000000000000', serviceId: 'life' };
    const before = JSON.stringify([
      h.store.db.prepare('SELECT * FROM requests').all(),
      h.store.db.prepare('SELECT * FROM staff_roles').all(),
      h.store.db.prepare('SELECT * FROM devices').all(),
      h.store.db.prepare('SELECT * FROM request_events').all(),
      h.store.db.prepare('SELECT * FROM catalogue_versions').all(),
    ]);
    const statistics = '?from=2026-11-01&to=2026-11-30';
    for (const [name, route] of OFFICE_ROUTES) {
      if (name === 'eventStream') continue; // a stream: checked below without holding it open
      for (const officeId of ['south', 'north']) {
        const isList = !route.path.includes(':requestId') && !route.path.includes(':staffId') && !route.path.includes(':kioskId');
        // North's own lists are the admin's to see (they simply hold nothing of south's).
        if (officeId === 'north' && (isList || name === 'queue')) continue;
        const query = name.startsWith('statistics') ? statistics : '';
        const answer = await callRoute(h, northAdmin, name, { officeId, ...ids }, BODIES[name] ?? {}, query);
        expect([name, officeId, answer.statusCode]).toEqual([name, officeId, 404]);
        expect(answer.json().error.code).toBe('not_found');
      }
    }
    const stream = await h.app.inject({ method: 'GET', url: consolePath('eventStream', { officeId: 'south' }), headers: { cookie: `shubbak_console=${northAdmin.cookie}` } });
    expect(stream.statusCode).toBe(404);
    const after = JSON.stringify([
      h.store.db.prepare('SELECT * FROM requests').all(),
      h.store.db.prepare('SELECT * FROM staff_roles').all(),
      h.store.db.prepare('SELECT * FROM devices').all(),
      h.store.db.prepare('SELECT * FROM request_events').all(),
      h.store.db.prepare('SELECT * FROM catalogue_versions').all(),
    ]);
    expect(after).toBe(before);
  });

  it("never show another office's requests in a list, a search or the event feed", async () => {
    h = await harness();
    const south = await h.enrol('south');
    const north = await h.enrol('north');
    const southRequest = await pushOne(h, south, 1);
    await pushOne(h, north, 1, { identity: { ...southRequest.identity, cin: 'X99999' } });
    const agent = await staffSession(h, 'north', 'agent');
    const path = (name: ConsoleRouteName, query = '') => consolePath(name, { officeId: 'north', queue: 'new' }) + query;
    const newQueue = (await callRoute(h, agent, 'queue', { officeId: 'north', queue: 'new' })).json();
    expect(newQueue.items.map((item: { trackingCode: string }) => item.trackingCode)).not.toContain(southRequest.trackingCode);
    expect(newQueue.total).toBe(1);
    for (const q of [southRequest.trackingCode, southRequest.identity.cin, 'El Amrani']) {
      const found = await h.app.inject({ method: 'GET', url: path('search', `?q=${encodeURIComponent(q)}`), headers: { cookie: `shubbak_console=${agent.cookie}` } });
      expect(found.json().items.map((item: { id: string }) => item.id)).not.toContain(southRequest.id);
    }
    const feed = await h.app.inject({ method: 'GET', url: path('events', '?since=0'), headers: { cookie: `shubbak_console=${agent.cookie}` } });
    expect(feed.json().events.map((event: { requestId: string }) => event.requestId)).not.toContain(southRequest.id);
    expect((await callRoute(h, agent, 'kiosks', { officeId: 'north' })).json().kiosks.map((k: { id: string }) => k.id)).toEqual([north.deviceId]);
  });

  it('let one person work in two offices with a role in each', async () => {
    h = await harness();
    const session = await staffSession(h, 'north', 'agent', 'Said');
    await h.store.grantRole({ staffId: session.staffId, officeId: 'south', role: 'admin', at: h.clock.now.toISOString() });
    expect((await callRoute(h, session, 'staffList', { officeId: 'south' })).statusCode).toBe(200);
    const asAgent = await callRoute(h, session, 'staffList', { officeId: 'north' });
    expect([asAgent.statusCode, asAgent.json().error.code]).toEqual([403, 'role_forbidden']);
  });
});
