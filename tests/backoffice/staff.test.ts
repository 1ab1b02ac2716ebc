import { afterEach, describe, expect, it } from 'vitest';
import { setStatus } from '../../backoffice/src/cli/commands';
import type { RemoteStatus } from '../../src/domain/status';
import { harness, makeRequest, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

/** A pushed request walked to `status` along the allowed path, with the CLI. */
async function requestAt(status: RemoteStatus): Promise<string> {
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
  for (const step of path[status]) await setStatus(h.context, request.trackingCode, step, 'r');
  return request.trackingCode;
}

describe('status changes from the counter (CLI set-status)', () => {
  it.each<[RemoteStatus, RemoteStatus, 'ok' | 'invalid_transition']>([
    ['received', 'inReview', 'ok'],
    ['inReview', 'ready', 'ok'],
    ['ready', 'collected', 'ok'],
    ['received', 'refused', 'ok'],
    ['inReview', 'refused', 'ok'],
    ['ready', 'refused', 'ok'],
    ['received', 'ready', 'invalid_transition'],
    ['received', 'collected', 'invalid_transition'],
    ['received', 'received', 'invalid_transition'],
    ['ready', 'inReview', 'invalid_transition'],
    ['collected', 'refused', 'invalid_transition'],
    ['refused', 'inReview', 'invalid_transition'],
  ])('moves a request from %s to %s: %s', async (from, to, expected) => {
    h = await harness();
    const trackingCode = await requestAt(from);
    const outcome = await setStatus(h.context, trackingCode, to, 'Dossier incomplet').then(
      () => 'ok',
      (error: { code?: string }) => error.code,
    );
    expect(outcome).toBe(expected);
    if (expected === 'ok') expect(h.printed.at(-1)).toContain(`${trackingCode} is now ${to}`);
  });

  it('refuses a refusal with neither a reason nor a reason code', async () => {
    h = await harness();
    const trackingCode = await requestAt('received');
    await expect(setStatus(h.context, trackingCode, 'refused', '  ')).rejects.toMatchObject({ statusCode: 400, code: 'reason_required' });
  });

  it('carries the reason code to the kiosks with the refusal', async () => {
    h = await harness();
    const kiosk = await h.enrol('south');
    const request = makeRequest(kiosk.trackingPrefix, 1);
    await h.post('/api/v1/requests/push', { items: [request] }, kiosk.deviceToken);
    await setStatus(h.context, request.trackingCode, 'refused', undefined, 'missingDocuments');
    const changes = (await h.get('/api/v1/changes?since=0', kiosk.deviceToken)).json().changes;
    expect(changes.at(-1)).toMatchObject({ status: 'refused', reasonCode: 'missingDocuments', reason: null });
    expect(changes[0]).not.toHaveProperty('reasonCode');
  });

  it('finds a request by the tracking code as typed at the counter (lower case, O for 0)', async () => {
    h = await harness();
    const trackingCode = await requestAt('received');
    await setStatus(h.context, trackingCode.toLowerCase().replace(/0/g, 'o'), 'inReview');
    expect(h.printed.at(-1)).toContain('is now inReview');
  });

  it('answers 404 for an unknown tracking code', async () => {
    h = await harness();
    await expect(setStatus(h.context, 'ABC-00001-X', 'inReview')).rejects.toMatchObject({ statusCode: 404, code: 'request_not_found' });
  });

  it('appends every change to the log the kiosk pulls', async () => {
    h = await harness();
    await requestAt('collected');
    expect(h.store.db.prepare('SELECT status FROM status_changes ORDER BY seq').pluck().all()).toEqual([
      'received',
      'inReview',
      'ready',
      'collected',
    ]);
  });

  it('has no staff token endpoint any more: staff work in the console', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const response = await h.post('/api/v1/staff/status', { trackingCode: 'ABC-00001-X', status: 'inReview' }, kiosk.deviceToken);
    expect(response.statusCode).toBe(404);
  });
});
