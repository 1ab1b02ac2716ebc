import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookupStatus } from '../../../src/app/lookupStatus';
import { FAILURE_WINDOW_MS, FREE_FAILURES } from '../../../src/domain/lookupThrottle';
import { makeStatusProof } from '../../../src/domain/statusProof';
import { formatTrackingCode } from '../../../src/domain/trackingCode';
import { ShubbakDb } from '../../../src/storage/db';
import { applyChanges } from '../../../src/storage/statuses';

const CODE = formatTrackingCode('KBZ', 42);
const T0 = Date.parse('2026-11-28T10:00:00.000Z');
const HOLDER = { cin: 'AB123456', dateOfBirth: '1990-04-12' };
const ANSWER = '34561990';

describe("checking another kiosk's request, whose status came through the feed", () => {
  let db: ShubbakDb;
  let token: string;

  beforeEach(async () => {
    db = new ShubbakDb(`lookup-${crypto.randomUUID()}`);
    const made = await makeStatusProof(HOLDER);
    token = made.token;
    await applyChanges(
      db,
      [{ seq: 7, requestId: '0190a0b1-7c2d-7e3f-8a4b-5c6d7e8f9a0b', trackingCode: CODE, status: 'refused', reason: 'Justificatif manquant', changedAt: '2026-11-27T10:00:00Z', proof: made.proof }],
      7,
    );
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("shows the status and the refusal reason to the holder's answer or token", async () => {
    const expected = { found: true, trackingCode: CODE, serviceId: '', local: null, remote: { status: 'refused', reason: 'Justificatif manquant', reasonCode: null, changedAt: '2026-11-27T10:00:00Z' } };
    expect(await lookupStatus(db, { trackingCode: CODE, proof: { kind: 'answer', answer: ANSWER } }, () => T0)).toEqual(expected);
    expect(await lookupStatus(db, { trackingCode: CODE, proof: { kind: 'token', token } }, () => T0)).toEqual(expected);
  });

  it('shows nothing to someone stepping through codes without the proof', async () => {
    expect(await lookupStatus(db, { trackingCode: CODE, proof: { kind: 'answer', answer: '00000000' } }, () => T0)).toEqual({ found: false, reason: 'noMatch' });
    expect(await lookupStatus(db, { trackingCode: CODE, proof: { kind: 'token', token: 'AAECAwQFBgcICQoLDA0ODw' } }, () => T0)).toEqual({ found: false, reason: 'noMatch' });
  });

  it('opens nothing for a status that came without a verifier', async () => {
    const other = formatTrackingCode('KBZ', 43);
    await applyChanges(db, [{ seq: 8, requestId: '0190a0b1-7c2d-7e3f-8a4b-5c6d7e8f9a0c', trackingCode: other, status: 'ready', reason: null, changedAt: '2026-11-27T10:00:00Z' }], 8);
    expect(await lookupStatus(db, { trackingCode: other, proof: { kind: 'answer', answer: ANSWER } }, () => T0)).toEqual({ found: false, reason: 'noMatch' });
  });

  it(`throttles the kiosk after ${FREE_FAILURES} failed proofs, even the right one, until the window has passed`, async () => {
    for (let i = 0; i < FREE_FAILURES; i += 1) await lookupStatus(db, { trackingCode: CODE, proof: { kind: 'answer', answer: `1111${1990 + i}` } }, () => T0 + i);
    expect(await lookupStatus(db, { trackingCode: CODE, proof: { kind: 'answer', answer: ANSWER } }, () => T0 + 10)).toEqual({ found: false, reason: 'throttled', retryAt: T0 + FAILURE_WINDOW_MS, waitMinutes: 15 });
    const later = await lookupStatus(db, { trackingCode: CODE, proof: { kind: 'answer', answer: ANSWER } }, () => T0 + FAILURE_WINDOW_MS + 10);
    expect(later.found).toBe(true);
  });

  it('counts unknown codes towards the throttle too', async () => {
    for (let i = 0; i < FREE_FAILURES; i += 1) await lookupStatus(db, { trackingCode: formatTrackingCode('ZZZ', i + 1), proof: { kind: 'answer', answer: ANSWER } }, () => T0);
    expect((await lookupStatus(db, { trackingCode: CODE, proof: { kind: 'answer', answer: ANSWER } }, () => T0)).found).toBe(false);
  });
});
