import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookupStatus } from '../../../src/app/lookupStatus';
import { IncompleteDraftError, submitRequest } from '../../../src/app/submitRequest';
import { checkTrackingCode } from '../../../src/domain/trackingCode';
import type { SaveRequestInput } from '../../../src/machines/session/types';
import { ShubbakDb } from '../../../src/storage/db';
import { OutboxWriteError } from '../../../src/storage/outbox';
import { testCatalogue, validIdentity } from '../../machines/sessionFixtures';
import { storedItems } from '../../storage/support';

const NOW = new Date('2026-11-28T09:30:00.000Z');

function input(overrides: Partial<SaveRequestInput['draft']> = {}): SaveRequestInput {
  return {
    draft: { serviceId: 'birth_extract', identity: { ...validIdentity }, fields: { birthCommune: 'Berkane', actNumber: '1234' }, ...overrides },
    service: testCatalogue.services[1]!,
    catalogueVersion: testCatalogue.version,
    locale: 'ar',
  };
}

describe('submitting a request from the citizen session', () => {
  let db: ShubbakDb;

  beforeEach(() => {
    db = new ShubbakDb(`submit-${crypto.randomUUID()}`);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('commits the request with its tracking code, consent and canonical values, then lets sync know', async () => {
    const events: string[] = [];
    const saved = await submitRequest(input(), { db, now: () => NOW, afterCommit: () => events.push('sync') });
    expect(checkTrackingCode(saved.trackingCode).ok).toBe(true);
    expect(events).toEqual(['sync']);
    const [item] = await storedItems(db);
    expect(item).toMatchObject({ trackingCode: saved.trackingCode, kioskSeq: 1, state: 'queued', serviceId: 'birth_extract' });
    expect(item?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(item?.request).toMatchObject({
      locale: 'ar',
      catalogueVersion: testCatalogue.version,
      identity: { cin: 'AB123456', phone: '+212612345678' },
      fields: { birthCommune: 'Berkane', actNumber: '1234' },
      consent: { noticeVersion: 1, acceptedAt: NOW.toISOString() },
    });
  });

  it('gives each request the next sequence and its own code', async () => {
    const first = await submitRequest(input(), { db });
    const second = await submitRequest(input(), { db });
    expect(second.trackingCode).not.toBe(first.trackingCode);
    expect((await db.outbox.toArray()).map((item) => item.kioskSeq).sort()).toEqual([1, 2]);
  });

  it('refuses an incomplete draft without writing anything or waking sync', async () => {
    let synced = false;
    const failure = submitRequest(input({ identity: { cin: 'AB123456' } }), { db, afterCommit: () => (synced = true) });
    await expect(failure).rejects.toBeInstanceOf(OutboxWriteError);
    await expect(failure).rejects.toHaveProperty('cause', expect.any(IncompleteDraftError));
    expect(await db.outbox.count()).toBe(0);
    expect(synced).toBe(false);
  });

  it("opens the saved request only with the holder's answer or the receipt token, and says the same for an unknown code", async () => {
    const { trackingCode, statusToken } = await submitRequest(input(), { db });
    const found = { found: true, trackingCode, serviceId: 'birth_extract', local: 'queued', remote: null };
    expect(await lookupStatus(db, { trackingCode, proof: { kind: 'answer', answer: '34561990' } })).toEqual(found);
    expect(await lookupStatus(db, { trackingCode, proof: { kind: 'token', token: statusToken! } })).toEqual(found);
    expect(await lookupStatus(db, { trackingCode, proof: { kind: 'answer', answer: '34561991' } })).toEqual({ found: false, reason: 'noMatch' });
    expect(await lookupStatus(db, { trackingCode: 'ZZZ-99999-0', proof: { kind: 'answer', answer: '34561990' } })).toEqual({ found: false, reason: 'noMatch' });
  });

  it('stores the proof verifier with the request, never the answer or the token', async () => {
    const { statusToken } = await submitRequest(input(), { db });
    const [item] = await storedItems(db);
    expect(item?.request?.statusProof).toMatchObject({ answer: expect.stringMatching(/^pbkdf2-sha256\$100000\$/), token: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const stored = JSON.stringify(await db.outbox.toArray());
    expect(stored).not.toContain('34561990');
    expect(stored).not.toContain(statusToken!);
  });
});
