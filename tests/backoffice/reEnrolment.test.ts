import { afterEach, describe, expect, it } from 'vitest';
import { enrolCode, revokeDevice, setStatus } from '../../backoffice/src/cli/commands';
import { enrolResponseSchema, pushResponseSchema, type EnrolResponse } from '../../src/domain/syncProtocol';
import { harness, makeRequest, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

/** A tablet enrolling again with a new code, presenting the token it held before. */
async function enrolAgain(officeId: string, previous: EnrolResponse): Promise<EnrolResponse> {
  const code = await enrolCode(h.context, officeId);
  const response = await h.post('/api/v1/enrol', { code, kioskLabel: 'Hall kiosk', previousDeviceToken: previous.deviceToken });
  expect(response.statusCode, response.body).toBe(200);
  return enrolResponseSchema.parse(response.json());
}

async function push(token: string, items: unknown[]) {
  const response = await h.post('/api/v1/requests/push', { items }, token);
  expect(response.statusCode, response.body).toBe(200);
  return pushResponseSchema.parse(response.json()).results.map((result) => result.outcome);
}

describe('a tablet enrolled again', () => {
  it('replaces its old device (revoked, pointing to the new one, audited) instead of adding one beside it', async () => {
    h = await harness();
    const first = await h.enrol('north', 'Hall kiosk');
    await revokeDevice(h.context, first.deviceId);
    const second = await enrolAgain('north', first);

    expect(second.deviceId).not.toBe(first.deviceId);
    const active = (await h.store.listDevices('north')).filter((device) => device.revokedAt === null);
    expect(active.map((device) => device.id)).toEqual([second.deviceId]);
    expect(h.store.db.prepare('SELECT replaced_by FROM devices WHERE id = ?').pluck().get(first.deviceId)).toBe(second.deviceId);
    expect(h.store.db.prepare("SELECT device_id AS deviceId, action, detail FROM audit_entries WHERE action = 'device.replaced'").all()).toEqual([
      { deviceId: second.deviceId, action: 'device.replaced', detail: `replaced=${first.deviceId}` },
    ]);
    expect((await h.get('/api/v1/changes?since=0', first.deviceToken)).statusCode).toBe(401);
  });

  it("keeps the tablet's codes its own: requests queued under the old prefix are accepted, and staff still find the old ones", async () => {
    h = await harness();
    const first = await h.enrol('north', 'Hall kiosk');
    const sent = makeRequest(first.trackingPrefix, 1);
    expect(await push(first.deviceToken, [sent])).toEqual(['accepted']);
    const second = await enrolAgain('north', first);

    const queued = makeRequest(first.trackingPrefix, 2);
    expect(await push(second.deviceToken, [queued, sent])).toEqual(['accepted', 'duplicate']);
    await setStatus(h.context, sent.trackingCode, 'inReview');
    expect(h.printed.at(-1)).toContain(`${sent.trackingCode} is now inReview`);
  });

  it("replaces nothing with another office's token, and nothing with an unknown one", async () => {
    h = await harness();
    const south = await h.enrol('south', 'South kiosk');
    await enrolAgain('north', south);
    expect((await h.store.listDevices('south')).map((device) => device.revokedAt)).toEqual([null]);
    const unknown = { ...south, deviceToken: 'x'.repeat(43) };
    await enrolAgain('north', unknown);
    expect((await h.store.listDevices('north')).filter((device) => device.revokedAt === null)).toHaveLength(2);
  });
});
