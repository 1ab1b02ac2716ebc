import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../src/domain/console/requestDetail';
import type { ConsoleRouteName } from '../../src/domain/console/routes';
import type { CitizenRequest } from '../../src/domain/request';
import type { EnrolResponse } from '../../src/domain/syncProtocol';
import { callRoute, pushOne, staffSession, type StaffSessionHandle } from './consoleFixtures';
import { harness, type Harness } from './fixtures';

let h: Harness;
let kiosk: EnrolResponse;
let request: CitizenRequest;
let agent: StaffSessionHandle;
let colleague: StaffSessionHandle;
let chief: StaffSessionHandle;

beforeEach(async () => {
  h = await harness();
  kiosk = await h.enrol('north', 'Hall kiosk');
  request = await pushOne(h, kiosk, 1, { serviceId: 'birth_extract', fields: { communeOfBirth: 'Fès', actNumber: '12', actYear: '1990' } });
  agent = await staffSession(h, 'north', 'agent', 'Amina');
  colleague = await staffSession(h, 'north', 'agent', 'Said');
  chief = await staffSession(h, 'north', 'chief', 'The chief');
});
afterEach(async () => {
  await h.app.close();
  h.store.close();
});

const params = () => ({ officeId: 'north', requestId: request.id });
const page = async (who: StaffSessionHandle): Promise<RequestDetail> => (await callRoute(h, who, 'request', params())).json();
async function act(who: StaffSessionHandle, name: ConsoleRouteName, body: Record<string, unknown>, expectedVersion?: number) {
  const version = expectedVersion ?? (await page(who)).version;
  return callRoute(h, who, name, params(), { expectedVersion: version, ...body });
}
async function ok(who: StaffSessionHandle, name: ConsoleRouteName, body: Record<string, unknown> = {}): Promise<RequestDetail> {
  const response = await act(who, name, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the request page', () => {
  it('shows identity, fields with their labels, the checklist, the timeline and the allowed actions', async () => {
    const detail = await page(agent);
    expect(detail).toMatchObject({
      id: request.id,
      trackingCode: request.trackingCode,
      status: 'received',
      version: 0,
      locale: 'fr',
      identity: request.identity,
      service: { id: 'birth_extract', name: { en: 'birth_extract' }, delayDays: null },
      fields: [
        { key: 'communeOfBirth', label: { en: 'Commune' }, value: 'Fès' },
        { key: 'actNumber', label: { en: 'Act number' }, value: '12' },
        { key: 'actYear', label: { en: 'Year' }, value: '1990' },
      ],
      checklist: [{ index: 0, label: { en: 'CIN' }, checked: false, by: null, at: null }],
      kiosk: { id: kiosk.deviceId, label: 'Hall kiosk' },
      assignee: null,
      allowedActions: ['assign'],
    });
    expect(detail.timeline.map((event) => [event.kind, event.kiosk?.label ?? null])).toEqual([
      ['created', 'Hall kiosk'],
      ['received', 'Hall kiosk'],
    ]);
  });

  it('audits every view of the personal data', async () => {
    await page(agent);
    await page(colleague);
    const views = h.store.db.prepare("SELECT staff_id AS staffId, office_id AS officeId, request_id AS requestId FROM staff_audit WHERE action = 'viewRequest'").all();
    expect(views).toEqual([
      { staffId: agent.staffId, officeId: 'north', requestId: request.id },
      { staffId: colleague.staffId, officeId: 'north', requestId: request.id },
    ]);
  });

  it('is processed end to end: assign, review with the checklist, ready, collected by a proxy', async () => {
    let detail = await ok(agent, 'assign');
    expect([detail.assignee?.name, detail.allowedActions]).toEqual(['Amina', ['release', 'checkDocument', 'startReview']]);
    expect((await ok(agent, 'status', { status: 'inReview' })).status).toBe('inReview');
    detail = await ok(agent, 'checklist', { index: 0, checked: true });
    expect(detail.checklist[0]).toMatchObject({ checked: true, by: { name: 'Amina' } });
    expect((await act(agent, 'checklist', { index: 3, checked: true })).statusCode).toBe(400);
    detail = await ok(agent, 'status', { status: 'ready' });
    expect(detail.allowedActions).toEqual(['release', 'collect']);
    detail = await ok(colleague, 'collect', { collector: { kind: 'proxy', name: 'Khadija El Amrani', cin: 'ab111111' } });
    expect(detail.status).toBe('collected');
    expect(detail.collection).toMatchObject({ collector: { kind: 'proxy', name: 'Khadija El Amrani', cin: 'AB111111' }, by: { name: 'Said' } });
    expect(detail.allowedActions).toEqual([]);
    expect(detail.timeline.map((e) => [e.kind, e.by?.name ?? null, e.status])).toEqual([
      ['created', null, null],
      ['received', null, 'received'],
      ['assigned', 'Amina', null],
      ['status', 'Amina', 'inReview'],
      ['documentChecked', 'Amina', null],
      ['status', 'Amina', 'ready'],
      ['collected', 'Said', 'collected'],
    ]);
    const kioskView = (await h.get('/api/v1/changes?since=0', kiosk.deviceToken)).json().changes.map((c: { status: string }) => c.status);
    expect(kioskView).toEqual(['received', 'inReview', 'ready', 'collected']);
    const audit = h.store.db.prepare('SELECT action FROM staff_audit WHERE request_id = ? ORDER BY seq').pluck().all(request.id);
    expect(audit.filter((a) => a !== 'viewRequest')).toEqual(['assign', 'status', 'checkDocument', 'status', 'collect']);
  });

  it('gives two agents acting at once a clear conflict, never a silent overwrite', async () => {
    const seen = (await page(agent)).version;
    expect((await act(colleague, 'assign', {}, seen)).statusCode).toBe(200);
    const late = await act(agent, 'assign', {}, seen);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'version_conflict']);
    expect(late.json().error.message).toContain('held by Said');
    expect((await page(agent)).assignee?.name).toBe('Said');
  });

  it('lets only a chief refuse, with a reason code the kiosk receives', async () => {
    await ok(agent, 'assign');
    const asAgent = await act(agent, 'refuse', { reasonCode: 'missingDocuments' });
    expect([asAgent.statusCode, asAgent.json().error.code]).toEqual([403, 'role_forbidden']);
    const noText = await act(chief, 'refuse', { reasonCode: 'other' });
    expect(noText.statusCode).toBe(400);
    const detail = await ok(chief, 'refuse', { reasonCode: 'missingDocuments', reason: "L'acte de naissance manque" });
    expect(detail.refusal).toEqual({ reasonCode: 'missingDocuments', reason: "L'acte de naissance manque" });
    const change = (await h.get('/api/v1/changes?since=0', kiosk.deviceToken)).json().changes.at(-1);
    expect(change).toMatchObject({ status: 'refused', reasonCode: 'missingDocuments', reason: "L'acte de naissance manque" });
  });

  it('refuses an action the status or the holder does not allow', async () => {
    const notMine = await act(agent, 'status', { status: 'inReview' });
    expect([notMine.statusCode, notMine.json().error.code]).toEqual([409, 'action_not_allowed']);
    await ok(agent, 'assign');
    const skip = await act(agent, 'status', { status: 'ready' });
    expect([skip.statusCode, skip.json().error.code]).toEqual([409, 'action_not_allowed']);
    const early = await act(agent, 'collect', { collector: { kind: 'holder' } });
    expect(early.json().error.code).toBe('action_not_allowed');
  });
});
