import { afterEach, describe, expect, it } from 'vitest';
import { staffToken } from '../../backoffice/src/cli/commands';
import type { RemoteStatus } from '../../src/domain/status';
import { harness, makeRequest, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

/** A pushed request walked to `status` along the allowed path. */
async function requestAt(status: RemoteStatus, token: string): Promise<string> {
  const kiosk = await h.enrol();
  const request = makeRequest(kiosk.trackingPrefix, 1);
  await h.post('/api/v1/requests/push', { items: [request] }, kiosk.deviceToken);
  const path: Record<RemoteStatus, RemoteStatus[]> = {
    received: [],
    inReview: ['inReview'],
    ready: ['inReview', 'ready'],
    collected: ['inReview', 'ready', 'collected'],
    refused: ['refused'],
  };
  for (const step of path[status]) {
    const response = await h.post('/api/v1/staff/status', { trackingCode: request.trackingCode, status: step, reason: 'r' }, token);
    expect(response.statusCode, response.body).toBe(200);
  }
  return request.trackingCode;
}

describe('staff status updates', () => {
  it.each<[RemoteStatus, RemoteStatus, number]>([
    ['received', 'inReview', 200],
    ['inReview', 'ready', 200],
    ['ready', 'collected', 200],
    ['received', 'refused', 200],
    ['inReview', 'refused', 200],
    ['ready', 'refused', 200],
    ['received', 'ready', 409],
    ['received', 'collected', 409],
    ['received', 'received', 409],
    ['ready', 'inReview', 409],
    ['collected', 'refused', 409],
    ['refused', 'inReview', 409],
  ])('moves a request from %s to %s: %i', async (from, to, expected) => {
    h = await harness();
    const token = await staffToken(h.context, 'Amina');
    const trackingCode = await requestAt(from, token);
    const response = await h.post('/api/v1/staff/status', { trackingCode, status: to, reason: 'Dossier incomplet' }, token);
    expect(response.statusCode, response.body).toBe(expected);
    if (expected === 409) expect(response.json().error.code).toBe('invalid_transition');
    else expect(response.json().change).toMatchObject({ trackingCode, status: to });
  });

  it('refuses a refusal without a reason', async () => {
    h = await harness();
    const token = await staffToken(h.context, 'Amina');
    const trackingCode = await requestAt('received', token);
    const response = await h.post('/api/v1/staff/status', { trackingCode, status: 'refused', reason: '  ' }, token);
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'reason_required']);
  });

  it('finds a request by the tracking code as typed at the counter (lower case, O for 0)', async () => {
    h = await harness();
    const token = await staffToken(h.context, 'Amina');
    const trackingCode = await requestAt('received', token);
    const typed = trackingCode.toLowerCase().replace(/0/g, 'o');
    expect((await h.post('/api/v1/staff/status', { trackingCode: typed, status: 'inReview' }, token)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown tracking code', async () => {
    h = await harness();
    const token = await staffToken(h.context, 'Amina');
    const response = await h.post('/api/v1/staff/status', { trackingCode: 'ABC-00001-X', status: 'inReview' }, token);
    expect([response.statusCode, response.json().error.code]).toEqual([404, 'request_not_found']);
  });

  it('appends every change to the log the kiosk pulls', async () => {
    h = await harness();
    const token = await staffToken(h.context, 'Amina');
    await requestAt('collected', token);
    expect(h.store.db.prepare('SELECT status FROM status_changes ORDER BY seq').pluck().all()).toEqual([
      'received',
      'inReview',
      'ready',
      'collected',
    ]);
  });
});

describe('staff authentication', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    h = await harness();
    const body = { trackingCode: 'ABC-00001-X', status: 'inReview' };
    expect((await h.post('/api/v1/staff/status', body)).statusCode).toBe(401);
    expect((await h.post('/api/v1/staff/status', body, 'x'.repeat(43))).statusCode).toBe(401);
  });

  it('answers 401 to a revoked staff token', async () => {
    h = await harness();
    const token = await staffToken(h.context, 'Amina');
    const id = h.store.db.prepare('SELECT id FROM staff').pluck().get() as string;
    await h.store.revokeStaff(id, h.clock.now.toISOString());
    const response = await h.post('/api/v1/staff/status', { trackingCode: 'ABC-00001-X', status: 'inReview' }, token);
    expect([response.statusCode, response.json().error.code]).toEqual([401, 'token_revoked']);
  });

  it('answers 403 to a kiosk device token, and a staff token is refused on kiosk endpoints', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const staff = await staffToken(h.context, 'Amina');
    const asKiosk = await h.post('/api/v1/staff/status', { trackingCode: 'ABC-00001-X', status: 'inReview' }, kiosk.deviceToken);
    expect([asKiosk.statusCode, asKiosk.json().error.code]).toEqual([403, 'forbidden']);
    expect((await h.get('/api/v1/changes', staff)).statusCode).toBe(403);
  });

  it('prints the token once and keeps only its hash', async () => {
    h = await harness();
    const token = await staffToken(h.context, 'Amina');
    expect(h.printed.at(-1)).toBe(token);
    expect(JSON.stringify(h.store.db.prepare('SELECT * FROM staff').all())).not.toContain(token);
  });
});
