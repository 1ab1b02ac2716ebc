import { v7 as uuidv7 } from 'uuid';
import type { CitizenRequest } from '../../src/domain/request';
import { ShubbakDb } from '../../src/storage/db';
import { enqueueRequest, type RequestStampInput } from '../../src/storage/outbox';

/** A fresh database per test: fake-indexeddb keeps databases for the whole file otherwise. */
export function freshDb(): ShubbakDb {
  return new ShubbakDb(`test-${uuidv7()}`);
}

export const T0 = Date.parse('2026-11-28T10:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;

/** A complete, valid request as the citizen flow would build it. */
export function sampleRequest(stamp: RequestStampInput, overrides: Partial<CitizenRequest> = {}): CitizenRequest {
  const at = new Date(T0).toISOString();
  return {
    id: uuidv7(),
    kioskSeq: stamp.kioskSeq,
    trackingCode: stamp.trackingCode,
    serviceId: 'life',
    catalogueVersion: 1,
    locale: 'fr',
    identity: {
      cin: 'AB123456',
      lastNameLatin: 'Alaoui',
      firstNameLatin: 'Sara',
      lastNameArabic: 'العلوي',
      firstNameArabic: 'سارة',
      dateOfBirth: '1990-04-12',
      phone: '+212612345678',
    },
    fields: {},
    consent: { noticeVersion: 1, acceptedAt: at },
    createdAt: at,
    ...overrides,
  };
}

export async function enqueueSample(db: ShubbakDb, overrides: Partial<CitizenRequest> = {}, now = T0) {
  return enqueueRequest(db, (stamp) => sampleRequest(stamp, overrides), () => now);
}

export async function enqueueMany(db: ShubbakDb, count: number, now = T0) {
  const items = [];
  for (let i = 0; i < count; i++) items.push(await enqueueSample(db, {}, now + i));
  return items;
}
