import { v7 as uuidv7 } from 'uuid';
import type { CitizenRequest } from '../../src/domain/request';
import { ShubbakDb, type LegacyOutboxRow, type OutboxItem } from '../../src/storage/db';
import { enqueueRequest, type RequestStampInput } from '../../src/storage/outbox';
import { LayoutBuilder } from '../../src/storage/outboxLayout';
import { presentRecords } from '../../src/storage/outboxStates';

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

/**
 * Writes items in any state straight to the stores, laid out exactly as the schema upgrade lays
 * out rows of the older state-in-the-row shape (pending set, outcome, acknowledgement time taken
 * from `retentionFrom` or `syncedAt`). `now` stands for the sync time of synced items without one.
 */
export async function seedOutbox(db: ShubbakDb, items: readonly LegacyOutboxRow[], now = T0): Promise<void> {
  const layout = new LayoutBuilder(now);
  const records = items.map((item) => layout.add(item));
  await db.transaction('rw', [db.outbox, db.pending, db.acks], async () => {
    await db.outbox.bulkPut(records);
    // An item seeded in a state that is not pending leaves the pending set it may have been in.
    const pending = new Set(layout.pending.map((entry) => entry.kioskSeq));
    await db.pending.bulkDelete(records.filter((record) => !pending.has(record.kioskSeq)).map((record) => record.kioskSeq));
    await db.pending.bulkPut(layout.pending);
    await db.acks.bulkAdd(layout.acks());
  });
}

/** Every outbox item as the app sees it (state derived), in kiosk-sequence order. */
export async function storedItems(db: ShubbakDb): Promise<OutboxItem[]> {
  return db.transaction('r', [db.outbox, db.pending, db.meta], async () => presentRecords(db, await db.outbox.orderBy('kioskSeq').toArray()));
}

/** One outbox item as the app sees it, or undefined. */
export async function storedItem(db: ShubbakDb, id: string): Promise<OutboxItem | undefined> {
  return (await storedItems(db)).find((item) => item.id === id);
}
