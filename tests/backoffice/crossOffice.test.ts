import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { setStatus } from '../../backoffice/src/cli/commands';
import { migrate } from '../../backoffice/src/store/migrate';
import { MIGRATIONS } from '../../backoffice/src/store/migrations/index';
import { MAX_CLAIMED_PREFIXES } from '../../backoffice/src/store/types';
import { canonicalRequestJson } from '../../src/domain/request';
import { pushResponseSchema, type PushResult } from '../../src/domain/syncProtocol';
import { harness, makeRequest, type Harness } from './fixtures';

/** Issue 12, "one office can damage another": tracking-code squatting and request ids across offices. */

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

async function push(token: string, items: unknown[]): Promise<PushResult[]> {
  const response = await h.post('/api/v1/requests/push', { items }, token);
  expect(response.statusCode, response.body).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

const NOT_YOUR_PREFIX = { outcome: 'invalid', errors: [{ path: 'trackingCode', code: 'notThisKiosksPrefix' }] };

describe('tracking codes are bound to the kiosk their prefix was issued to', () => {
  it("refuses a code carrying another office's prefix, and the real request with that code is accepted", async () => {
    h = await harness();
    const attacker = await h.enrol('north', 'A');
    const victim = await h.enrol('south', 'B');
    const squat = makeRequest(victim.trackingPrefix, 1);
    expect(await push(attacker.deviceToken, [squat])).toEqual([{ id: squat.id, ...NOT_YOUR_PREFIX }]);
    const real = makeRequest(victim.trackingPrefix, 1);
    expect(await push(victim.deviceToken, [real])).toEqual([{ id: real.id, outcome: 'accepted' }]);
  });

  it("moves the right office's row when staff change a status by code, even past a copy stored before prefixes were bound", async () => {
    h = await harness();
    const attacker = await h.enrol('north', 'A');
    const victim = await h.enrol('south', 'B');
    const code = makeRequest(victim.trackingPrefix, 1).trackingCode;
    // A squatted row as the old server accepted it: same code, the attacker's device and office.
    h.store.db
      .prepare(
        `INSERT INTO requests (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at)
         VALUES ('squat', 'north', ?, 1, ?, 'life', '{}', 'received', 't')`,
      )
      .run(attacker.deviceId, code);
    const real = makeRequest(victim.trackingPrefix, 1);
    expect(await push(victim.deviceToken, [real])).toEqual([{ id: real.id, outcome: 'accepted' }]);
    await setStatus(h.context, code, 'inReview');
    expect(h.store.db.prepare('SELECT status FROM requests WHERE id = ?').pluck().get(real.id)).toBe('inReview');
    expect(h.store.db.prepare("SELECT status FROM requests WHERE id = 'squat'").pluck().get()).toBe('received');
  });

  it('lets a kiosk deliver codes it made before enrolment (a prefix no one has), and keeps that prefix for it', async () => {
    h = await harness();
    const kiosk = await h.enrol('north', 'A');
    const other = await h.enrol('south', 'B');
    const early = makeRequest('ZZZ', 1);
    expect(await push(kiosk.deviceToken, [early])).toEqual([{ id: early.id, outcome: 'accepted' }]);
    const late = makeRequest('ZZZ', 2);
    expect(await push(other.deviceToken, [late])).toEqual([{ id: late.id, ...NOT_YOUR_PREFIX }]);
    const outcome = await h.store.redeemEnrolmentCode({
      codeHash: 'unknown',
      now: 't',
      device: { id: 'x', label: 'x', tokenHash: 'x' },
      prefixCandidates: ['ZZZ'],
    });
    expect(outcome).toEqual({ ok: false, reason: 'unknown' });
    expect(h.store.db.prepare("SELECT device_id FROM tracking_prefixes WHERE prefix = 'ZZZ'").pluck().get()).toBe(kiosk.deviceId);
  });

  it('never issues a claimed prefix at enrolment', async () => {
    h = await harness();
    const kiosk = await h.enrol('north', 'A');
    await push(kiosk.deviceToken, [makeRequest('ZZZ', 1)]);
    const { enrolCode } = await import('../../backoffice/src/cli/commands');
    const { hashSecret } = await import('../../backoffice/src/service/secrets');
    const code = await enrolCode(h.context, 'south');
    const outcome = await h.store.redeemEnrolmentCode({
      codeHash: hashSecret(code),
      now: h.clock.now.toISOString(),
      device: { id: 'second', label: 'B', tokenHash: 'tb' },
      prefixCandidates: ['ZZZ', kiosk.trackingPrefix, 'YYY'],
    });
    expect(outcome.ok && outcome.device.trackingPrefix).toBe('YYY');
  });

  it(`lets one device claim at most ${MAX_CLAIMED_PREFIXES} prefixes besides its own`, async () => {
    h = await harness();
    const kiosk = await h.enrol('north', 'A');
    const prefixes = ['ZZZ', 'YYY', 'XXX'].slice(0, MAX_CLAIMED_PREFIXES + 1);
    const items = prefixes.map((prefix) => makeRequest(prefix, 1));
    const results = await push(kiosk.deviceToken, items);
    expect(results.map((r) => r.outcome)).toEqual([...Array(MAX_CLAIMED_PREFIXES).fill('accepted'), 'invalid']);
  });

  it('answers a code reused by its own kiosk as taken, per device', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    await push(kiosk.deviceToken, [makeRequest(kiosk.trackingPrefix, 1)]);
    const reused = makeRequest(kiosk.trackingPrefix, 1);
    expect(await push(kiosk.deviceToken, [reused])).toEqual([{ id: reused.id, outcome: 'invalid', errors: [{ path: 'trackingCode', code: 'taken' }] }]);
  });
});

describe("another office's request ids", () => {
  it('answers a re-push of another office’s id as for any id the device does not own, whatever its content', async () => {
    h = await harness();
    const owner = await h.enrol('south', 'B');
    const stranger = await h.enrol('north', 'A');
    const request = makeRequest(owner.trackingPrefix, 1);
    await push(owner.deviceToken, [request]);
    const same = JSON.parse(canonicalRequestJson(request)) as object;
    const altered = { ...request, trackingCode: makeRequest(stranger.trackingPrefix, 1).trackingCode };
    const unavailable = { id: request.id, outcome: 'invalid', errors: [{ path: 'id', code: 'unavailable' }] };
    expect(await push(stranger.deviceToken, [same])).toEqual([unavailable]);
    expect(await push(stranger.deviceToken, [altered])).toEqual([unavailable]);
    expect(await push(owner.deviceToken, [request])).toEqual([{ id: request.id, outcome: 'duplicate' }]);
  });

  it('still answers duplicate to another kiosk of the same office (a re-enrolled kiosk re-sending its queue)', async () => {
    h = await harness();
    const first = await h.enrol('north', 'A');
    const second = await h.enrol('north', 'B');
    const request = makeRequest(first.trackingPrefix, 1);
    await push(first.deviceToken, [request]);
    expect(await push(second.deviceToken, [request])).toEqual([{ id: request.id, outcome: 'duplicate' }]);
  });
});

describe('migration 003 on a database of the old server', () => {
  it('binds each existing prefix to its device, claims prefixes seen in requests, and keeps every request', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 3));
    db.exec(`INSERT INTO offices (id, name, created_at) VALUES ('north', 'North', 't'), ('south', 'South', 't');
      INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES
        ('a', 'north', 'A', 'ha', 'AAA', 't'), ('b', 'south', 'B', 'hb', 'BBB', 't');
      INSERT INTO requests (id, office_id, device_id, kiosk_seq, tracking_code, service_id, body, status, received_at) VALUES
        ('r1', 'north', 'a', 1, 'AAA-00001-X', 'life', '{}', 'received', 't'),
        ('r2', 'north', 'a', 2, 'ZZZ-00001-X', 'life', '{}', 'received', 't');
      INSERT INTO status_changes (request_id, office_id, status, changed_at, changed_by) VALUES ('r1', 'north', 'received', 't', 'x');`);
    migrate(db);
    expect(db.prepare('SELECT prefix, device_id AS deviceId, issued FROM tracking_prefixes ORDER BY prefix').all()).toEqual([
      { prefix: 'AAA', deviceId: 'a', issued: 1 },
      { prefix: 'BBB', deviceId: 'b', issued: 1 },
      { prefix: 'ZZZ', deviceId: 'a', issued: 0 },
    ]);
    expect(db.prepare('SELECT id FROM requests ORDER BY id').pluck().all()).toEqual(['r1', 'r2']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('a kiosk re-enrolled in its office', () => {
  it("delivers what it queued under its revoked former device's prefix, found by staff; a live sibling's prefix stays refused", async () => {
    h = await harness();
    const former = await h.enrol('north', 'Hall');
    const sibling = await h.enrol('north', 'Desk');
    await push(former.deviceToken, [makeRequest(former.trackingPrefix, 1)]);
    const { revokeDevice } = await import('../../backoffice/src/cli/commands');
    await revokeDevice(h.context, former.deviceId);
    const again = await h.enrol('north', 'Hall');
    const queued = makeRequest(former.trackingPrefix, 2);
    expect(await push(again.deviceToken, [queued])).toEqual([{ id: queued.id, outcome: 'accepted' }]);
    await setStatus(h.context, queued.trackingCode, 'inReview');
    expect(h.store.db.prepare('SELECT status FROM requests WHERE id = ?').pluck().get(queued.id)).toBe('inReview');
    const squat = makeRequest(sibling.trackingPrefix, 1);
    expect(await push(again.deviceToken, [squat])).toEqual([{ id: squat.id, ...NOT_YOUR_PREFIX }]);
    const otherOffice = await h.enrol('south', 'Elsewhere');
    const cross = makeRequest(former.trackingPrefix, 3);
    expect(await push(otherOffice.deviceToken, [cross])).toEqual([{ id: cross.id, ...NOT_YOUR_PREFIX }]);
  });
});
