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

  it('finds the saved request by what the citizen types, and says when a code is unknown', async () => {
    const { trackingCode } = await submitRequest(input(), { db });
    expect(await lookupStatus(db, trackingCode.toLowerCase().replaceAll('-', ' '))).toEqual({
      found: true,
      trackingCode,
      serviceId: 'birth_extract',
      local: 'queued',
      remote: null,
    });
    expect(await lookupStatus(db, 'ZZZ-99999-0')).toEqual({ found: false });
  });
});
