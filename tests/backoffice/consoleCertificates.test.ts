import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';
import { certificateListSchema, certificateResponseSchema } from '../../src/domain/console/certificates';
import type { RequestDetail } from '../../src/domain/console/requestDetail';
import { consolePath, type ConsoleRouteName } from '../../src/domain/console/routes';
import { catalogueSchema } from '../../src/domain/catalogue';
import { verifyResponseSchema } from '../../src/domain/certificateToken';
import type { CitizenRequest } from '../../src/domain/request';
import { changesResponseSchema, type EnrolResponse } from '../../src/domain/syncProtocol';
import { issueCertificate } from '../../backoffice/src/service/certificates';
import { callRoute, consolePost, pushOne, staffSession, type StaffSessionHandle } from './consoleFixtures';
import { harness, NOW, type Harness } from './fixtures';

let h: Harness;
let kiosk: EnrolResponse;
let request: CitizenRequest;
let agent: StaffSessionHandle;
let chief: StaffSessionHandle;

beforeEach(async () => {
  h = await harness();
  for (const office of ['north', 'south']) await h.store.importCatalogue(office, catalogueSchema.parse(defaultCatalogue), NOW.toISOString());
  kiosk = await h.enrol('north', 'Hall kiosk');
  request = await pushOne(h, kiosk, 1, { serviceId: 'life', catalogueVersion: 2 });
  agent = await staffSession(h, 'north', 'agent', 'Amina');
  chief = await staffSession(h, 'north', 'chief', 'Le chef');
});
afterEach(async () => {
  await h.app.close();
  h.store.close();
});

const params = (extra: Record<string, string> = {}) => ({ officeId: 'north', requestId: request.id, ...extra });
const page = async (who: StaffSessionHandle): Promise<RequestDetail> => (await callRoute(h, who, 'request', params())).json();
async function act(who: StaffSessionHandle, name: ConsoleRouteName, body: Record<string, unknown> = {}) {
  return callRoute(h, who, name, params(), { expectedVersion: (await page(who)).version, ...body });
}
/** The agent takes the request and starts the review: what comes before the chief's certificate. */
async function inReview(): Promise<RequestDetail> {
  expect((await act(agent, 'assign')).statusCode).toBe(200);
  const review = await act(agent, 'status', { status: 'inReview' });
  expect(review.statusCode, review.body).toBe(200);
  return review.json();
}

describe('issuing a certificate from the console', () => {
  it('lets the chief issue it: ready in the kiosk feed, timeline, PDF, audit, and it verifies', async () => {
    const before = await inReview();
    expect((await page(chief)).allowedActions).toContain('issueCertificate');
    expect(before.allowedActions).not.toContain('issueCertificate');

    const issued = await callRoute(h, chief, 'certificateIssue', params(), { expectedVersion: before.version });
    expect(issued.statusCode, issued.body).toBe(200);
    const { certificate } = certificateResponseSchema.parse(issued.json());
    expect(certificate).toMatchObject({ number: 'NORTH-2026-000001', serviceId: 'life', issuedBy: { id: chief.staffId, name: 'Le chef' }, revokedAt: null });

    const after = await page(chief);
    expect(after.status).toBe('ready');
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'certificateIssued', by: { id: chief.staffId }, certificateNumber: 'NORTH-2026-000001' });
    expect(after.allowedActions).toContain('revokeCertificate');
    expect(after.allowedActions).not.toContain('issueCertificate');

    const feed = changesResponseSchema.parse((await h.get('/api/v1/changes?since=0', kiosk.deviceToken)).json());
    expect(feed.changes.at(-1)).toMatchObject({ requestId: request.id, status: 'ready' });

    const pdf = await callRoute(h, agent, 'certificatePdf', params({ number: certificate.number }));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const audit = await h.store.listStaffAudit({ officeId: 'north', limit: 50 });
    expect(audit.map((a) => [a.action, a.staffId, a.detail]).filter(([action]) => String(action).includes('Certificate'))).toEqual([
      ['viewCertificate', agent.staffId, 'NORTH-2026-000001'],
      ['issueCertificate', chief.staffId, 'NORTH-2026-000001'],
    ]);

    const list = certificateListSchema.parse((await callRoute(h, agent, 'certificateList', params())).json());
    expect(list.certificates.map((c) => c.number)).toEqual(['NORTH-2026-000001']);
    const token = (await h.store.getCertificate('NORTH-2026-000001'))!.token;
    const verified = verifyResponseSchema.parse((await h.post('/api/v1/verify', { token })).json());
    expect(verified.result).toMatchObject({ outcome: 'valid', revocationChecked: true });
  });

  it('refuses an agent (403), a stale version (409) and a missing CSRF header (403), and changes nothing', async () => {
    const review = await inReview();
    const byAgent = await callRoute(h, agent, 'certificateIssue', params(), { expectedVersion: review.version });
    expect([byAgent.statusCode, byAgent.json().error.code]).toEqual([403, 'role_forbidden']);
    const stale = await callRoute(h, chief, 'certificateIssue', params(), { expectedVersion: review.version - 1 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'version_conflict']);
    const noCsrf = await consolePost(h, chief, consolePath('certificateIssue', params()), { expectedVersion: review.version }, { csrf: false });
    expect([noCsrf.statusCode, noCsrf.json().error.code]).toEqual([403, 'csrf_failed']);
    expect(await h.store.certificatesOfRequest(request.id)).toEqual([]);
    expect((await page(chief)).status).toBe('inReview');
  });

  it('refuses a request that is not in review yet', async () => {
    const issued = await callRoute(h, chief, 'certificateIssue', params(), { expectedVersion: (await page(chief)).version });
    expect([issued.statusCode, issued.json().error.code]).toEqual([409, 'action_not_allowed']);
  });

  it("answers 404 for another office's certificate number under one's own request", async () => {
    const southKiosk = await h.enrol('south', 'South hall');
    const south = await pushOne(h, southKiosk, 1, { serviceId: 'life', catalogueVersion: 2 });
    await h.store.appendStatus({ requestId: south.id, expected: 'received', status: 'inReview', reason: null, at: NOW.toISOString(), by: 'test' });
    await issueCertificate({ store: h.store, keyring: h.keyring, now: () => h.clock.now }, { requestId: south.id, officeId: 'south', by: 'cli' });
    await inReview();
    for (const name of ['certificatePdf', 'certificateRevoke'] as const) {
      const answer = await callRoute(h, chief, name, params({ number: 'SOUTH-2026-000001' }), { reason: 'x' });
      expect([name, answer.statusCode, answer.json().error.code]).toEqual([name, 404, 'not_found']);
    }
  });
});

describe('revoking a certificate from the console', () => {
  it('is for the chief, recorded in the timeline and the audit, and the online check says revoked', async () => {
    const review = await inReview();
    const { certificate } = certificateResponseSchema.parse((await callRoute(h, chief, 'certificateIssue', params(), { expectedVersion: review.version })).json());
    const route = params({ number: certificate.number });
    const byAgent = await callRoute(h, agent, 'certificateRevoke', route, { reason: 'typo' });
    expect([byAgent.statusCode, byAgent.json().error.code]).toEqual([403, 'role_forbidden']);
    const empty = await callRoute(h, chief, 'certificateRevoke', route, { reason: '  ' });
    expect(empty.statusCode).toBe(400);

    const revoked = await callRoute(h, chief, 'certificateRevoke', route, { reason: 'Wrong address' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(certificateResponseSchema.parse(revoked.json()).certificate).toMatchObject({
      revokedBy: { id: chief.staffId, name: 'Le chef' },
      revokedReason: 'Wrong address',
    });
    const after = await page(chief);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'certificateRevoked', certificateNumber: certificate.number });
    expect(after.allowedActions).not.toContain('revokeCertificate');
    const token = (await h.store.getCertificate(certificate.number))!.token;
    expect(verifyResponseSchema.parse((await h.post('/api/v1/verify', { token })).json()).result.outcome).toBe('revoked');
    const audit = await h.store.listStaffAudit({ officeId: 'north', staffId: chief.staffId, limit: 10 });
    expect(audit.find((entry) => entry.action === 'revokeCertificate')).toMatchObject({ detail: certificate.number, requestId: request.id });
  });
});
