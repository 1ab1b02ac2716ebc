import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../src/domain/heartbeat';
import { consolePath } from '../../src/domain/console/routes';
import { SESSION_COOKIE } from '../../src/domain/console/session';
import { callRoute, pushOne, staffSession, type StaffSessionHandle } from './consoleFixtures';
import { harness, makeRequest, type Harness } from './fixtures';

let h: Harness;
let admin: StaffSessionHandle;
let agent: StaffSessionHandle;
beforeEach(async () => {
  h = await harness();
  admin = await staffSession(h, 'north', 'admin', 'Admin');
  agent = await staffSession(h, 'north', 'agent', 'Agent');
});
afterEach(async () => {
  await h.app.close();
  h.store.close();
});

const heartbeat = (overrides: Partial<Heartbeat> = {}): Heartbeat => ({
  appVersion: '0.1.0',
  queueDepth: 3,
  oldestPendingAgeSeconds: 120,
  rejectedCount: 0,
  lastSuccessAt: '2026-11-28T09:55:00.000Z',
  lastError: { reason: 'network', at: '2026-11-28T09:58:00.000Z' },
  printer: 'ok',
  freeStorageBytes: 1_000_000_000,
  sentAt: '2026-11-28T10:00:00.000Z',
  ...overrides,
});

describe('the event feed', () => {
  it('starts from the present, then gives each new event of the office once', async () => {
    const kiosk = await h.enrol('north');
    await pushOne(h, kiosk, 1);
    const start = (await callRoute(h, agent, 'events', { officeId: 'north' })).json();
    expect(start.events).toEqual([]);
    const second = await pushOne(h, kiosk, 2);
    await pushOne(h, await h.enrol('south'), 1);
    const next = (await callRoute(h, agent, 'events', { officeId: 'north' }, {}, `?since=${start.cursor}`)).json();
    expect(next.events).toEqual([{ seq: expect.any(Number), requestId: second.id, trackingCode: second.trackingCode, kind: 'received', status: 'received', at: h.clock.now.toISOString() }]);
    const idle = (await callRoute(h, agent, 'events', { officeId: 'north' }, {}, `?since=${next.cursor}`)).json();
    expect([idle.events, idle.cursor]).toEqual([[], next.cursor]);
  });

  it('streams new requests as server-sent events, without a reload', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const kiosk = await h.enrol('north');
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}${consolePath('eventStream', { officeId: 'north' })}`, {
      headers: { cookie: `${SESSION_COOKIE}=${agent.cookie}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const pushed = await pushOne(h, kiosk, 1);
    let text = '';
    while (!text.includes(pushed.id)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(new RegExp(`id: \\d+\\nevent: change\\ndata: \\{[^\\n]*"requestId":"${pushed.id}"[^\\n]*"kind":"received"`));
    controller.abort();
  });
});

describe('the kiosk fleet', () => {
  it('records heartbeats and lists the office kiosks, marking the silent ones', async () => {
    const hall = await h.enrol('north', 'Hall');
    const door = await h.enrol('north', 'Door');
    await h.enrol('south', 'Elsewhere');
    expect((await h.post('/api/v1/devices/heartbeat', heartbeat(), hall.deviceToken)).json()).toEqual({ ok: true });
    expect((await h.post('/api/v1/devices/heartbeat', { ...heartbeat(), name: 'Mohamed' }, hall.deviceToken)).statusCode).toBe(400);
    let kiosks = (await callRoute(h, agent, 'kiosks', { officeId: 'north' })).json().kiosks;
    expect(kiosks.map((k: { label: string; silent: boolean }) => [k.label, k.silent])).toEqual([
      ['Hall', false],
      ['Door', true],
    ]);
    expect(kiosks[0]).toMatchObject({ heartbeat: heartbeat(), lastSeenAt: h.clock.now.toISOString() });
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    agent = await staffSession(h, 'north', 'agent', 'Later');
    kiosks = (await callRoute(h, agent, 'kiosks', { officeId: 'north' })).json().kiosks;
    expect(kiosks.map((k: { silent: boolean }) => k.silent)).toEqual([true, true]);
    expect(door.deviceId).toBe(kiosks[1].id);
  });

  it('lets an admin revoke a kiosk and make an enrolment code that works', async () => {
    const hall = await h.enrol('north', 'Hall');
    const byAgent = await callRoute(h, agent, 'kioskRevoke', { officeId: 'north', kioskId: hall.deviceId });
    expect([byAgent.statusCode, byAgent.json().error.code]).toEqual([403, 'role_forbidden']);
    const revoked = await callRoute(h, admin, 'kioskRevoke', { officeId: 'north', kioskId: hall.deviceId });
    expect(revoked.json().kiosks[0]).toMatchObject({ id: hall.deviceId, revokedAt: h.clock.now.toISOString(), silent: false });
    expect((await h.post('/api/v1/requests/push', { items: [makeRequest(hall.trackingPrefix, 1)] }, hall.deviceToken)).statusCode).toBe(401);
    const code = (await callRoute(h, admin, 'enrolmentCode', { officeId: 'north' })).json();
    expect(code.expiresAt).toBe(new Date(h.clock.now.getTime() + 24 * 3_600_000).toISOString());
    const enrolled = await h.post('/api/v1/enrol', { code: code.code, kioskLabel: 'New kiosk' });
    expect(enrolled.json().officeId).toBe('north');
    expect(h.store.db.prepare("SELECT action FROM staff_audit WHERE action IN ('kioskRevoked', 'enrolmentCodeCreated')").pluck().all()).toEqual([
      'kioskRevoked',
      'enrolmentCodeCreated',
    ]);
  });
});

describe('staff administration', () => {
  it('lets an admin add a person, change their role, and lists them', async () => {
    const created = await callRoute(h, admin, 'staffCreate', { officeId: 'north' }, { name: 'Nadia Alaoui', role: 'agent' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ staff: { login: 'nadia.alaoui', role: 'agent', state: 'pendingActivation' }, activationCode: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){2}$/) });
    const taken = await callRoute(h, admin, 'staffCreate', { officeId: 'north' }, { name: 'Other', role: 'agent', login: 'nadia.alaoui' });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'login_taken']);
    const id = created.json().staff.id as string;
    expect((await callRoute(h, admin, 'staffRole', { officeId: 'north', staffId: id }, { role: 'chief' })).json().staff.role).toBe('chief');
    const list = (await callRoute(h, admin, 'staffList', { officeId: 'north' })).json().staff;
    expect(list.map((s: { name: string; role: string; state: string }) => [s.name, s.role, s.state])).toEqual([
      ['Admin', 'admin', 'active'],
      ['Agent', 'agent', 'active'],
      ['Nadia Alaoui', 'chief', 'pendingActivation'],
    ]);
    expect((await callRoute(h, agent, 'staffCreate', { officeId: 'north' }, { name: 'X', role: 'admin' })).statusCode).toBe(403);
  });
});

describe('statistics', () => {
  it('counts per day and service, with the median time to ready, the share refused, and a CSV', async () => {
    const kiosk = await h.enrol('north');
    const chief = await staffSession(h, 'north', 'chief', 'Chief');
    const fast = await pushOne(h, kiosk, 1);
    const refused = await pushOne(h, kiosk, 2);
    h.clock.now = new Date('2026-11-29T08:00:00.000Z');
    const chiefLater = await staffSession(h, 'north', 'chief', 'Chief later');
    await pushOne(h, kiosk, 3, { serviceId: 'birth_extract', fields: { communeOfBirth: 'Fès', actNumber: '1', actYear: '1990' } });
    const walk = async (id: string, steps: Array<[Parameters<typeof callRoute>[2], Record<string, unknown>]>) => {
      for (const [name, body] of steps) {
        const version = (await callRoute(h, chiefLater, 'request', { officeId: 'north', requestId: id })).json().version;
        expect((await callRoute(h, chiefLater, name, { officeId: 'north', requestId: id }, { expectedVersion: version, ...body })).statusCode).toBe(200);
      }
    };
    await walk(fast.id, [['assign', {}], ['status', { status: 'inReview' }], ['status', { status: 'ready' }]]);
    await walk(refused.id, [['refuse', { reasonCode: 'notEligible' }]]);
    expect(chief.staffId).not.toBe(chiefLater.staffId);
    const stats = (await callRoute(h, chiefLater, 'statistics', { officeId: 'north' }, {}, '?from=2026-11-27&to=2026-11-29')).json();
    expect(stats).toEqual({
      from: '2026-11-27',
      to: '2026-11-29',
      perDay: [
        { day: '2026-11-27', received: 0 },
        { day: '2026-11-28', received: 2 },
        { day: '2026-11-29', received: 1 },
      ],
      perService: [
        { serviceId: 'life', received: 2, ready: 1, collected: 0, refused: 1 },
        { serviceId: 'birth_extract', received: 1, ready: 0, collected: 0, refused: 0 },
      ],
      received: 3,
      medianReceivedToReadyHours: 22,
      refusedShare: 0.5,
    });
    const csv = await callRoute(h, chiefLater, 'statisticsCsv', { officeId: 'north' }, {}, '?from=2026-11-27&to=2026-11-29');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe('day,serviceId,received,ready,collected,refused\r\n2026-11-28,life,2,1,0,1\r\n2026-11-29,birth_extract,1,0,0,0\r\n');
    const backwards = await callRoute(h, chiefLater, 'statistics', { officeId: 'north' }, {}, '?from=2026-11-29&to=2026-11-27');
    expect(backwards.statusCode).toBe(400);
  });
});
