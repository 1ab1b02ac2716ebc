import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callRoute, staffSession } from '../consoleFixtures';
import { acceptedBirthExtract, replyTokenIn, routingWorld, type RoutingWorld } from './routingFixtures';

let world: RoutingWorld;
beforeEach(async () => {
  world = await routingWorld();
});
afterEach(async () => {
  await world.close();
});

describe('the console’s directory and forwards', () => {
  it('lets an admin add and remove bodies, audited; an agent reads but may not change them', async () => {
    const admin = await staffSession(world.h, 'north', 'admin', 'Admin');
    const added = await callRoute(world.h, admin, 'directoryAdd', { officeId: 'north' }, {
      kind: 'commune-legalisation-office',
      nameAr: 'مكتب التصديق',
      nameFr: 'Bureau de légalisation',
      endpoint: 'https://legalisation.example/api/forwards',
    });
    expect(added.statusCode, added.body).toBe(200);
    const bodyId = added.json().id as string;
    expect((await callRoute(world.h, world.agent, 'directory', { officeId: 'north' })).json().bodies).toHaveLength(2);
    expect((await callRoute(world.h, world.agent, 'directoryRemove', { officeId: 'north', bodyId })).statusCode).toBe(403);
    expect((await callRoute(world.h, admin, 'directoryAdd', { officeId: 'north' }, { kind: 'annex', nameAr: 'x', nameFr: 'x', email: 'a@b.example' })).statusCode).toBe(400);
    expect((await callRoute(world.h, admin, 'directoryAdd', { officeId: 'north' }, { kind: 'x', nameAr: 'س', nameFr: 'X', endpoint: 'http://far.example/hook' })).json().error.code).toBe('invalid_endpoint');
    const removed = await callRoute(world.h, admin, 'directoryRemove', { officeId: 'north', bodyId });
    expect(removed.json().bodies.map((b: { id: string }) => b.id)).toEqual([world.communeId]);
    const audit = await world.h.store.listStaffAudit({ officeId: 'north', limit: 10 });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['directoryBodyAdded', 'directoryBodyRemoved']));
  });

  it('shows a forward queued, then sent, overdue past the service’s delay, and answered', async () => {
    const request = await acceptedBirthExtract(world, 1);
    const params = { officeId: 'north', requestId: request.id };
    const standing = async () => (await callRoute(world.h, world.agent, 'requestForwards', params)).json().forwards.map((f: { standing: string }) => f.standing);
    expect(await standing()).toEqual(['queued']);
    await world.sendForwards();
    expect(await standing()).toEqual(['sent']);
    const queue = (await callRoute(world.h, world.agent, 'forwards', { officeId: 'north' })).json().forwards;
    expect(queue).toMatchObject([{ trackingCode: request.trackingCode, body: { nameFr: 'Commune de Fès' }, standing: 'sent' }]);
    world.h.clock.now = new Date(world.h.clock.now.getTime() + 8 * 24 * 60 * 60 * 1000);
    // A week later the morning's session has ended: a new one.
    world.agent = await staffSession(world.h, 'north', 'agent', 'Next week');
    expect(await standing()).toEqual(['overdue']);
    const token = replyTokenIn((await world.smtp.waitForMails(1))[0]!.text!);
    expect((await world.h.post(`/api/v1/reply/${token}`, { answer: 'done' })).statusCode).toBe(200);
    expect(await standing()).toEqual(['answered']);
    expect((await callRoute(world.h, world.agent, 'forwards', { officeId: 'north' })).json().forwards).toEqual([]);
  });
});
