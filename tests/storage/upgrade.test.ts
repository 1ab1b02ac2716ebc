import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_V1, SCHEMA_V3_OUTBOX, ShubbakDb, type LegacyOutboxRow, type OutboxItem } from '../../src/storage/db';
import { nextBatch, pendingSummary, requeueInFlight } from '../../src/storage/outboxSync';
import { purgePersonalData } from '../../src/storage/retention';
import { DAY, T0, sampleRequest, storedItems } from './support';

function v1Item(kioskSeq: number, state: OutboxItem['state'], syncedAt: number | null = null): LegacyOutboxRow {
  const trackingCode = `ABC-${String(kioskSeq).padStart(5, '0')}-${kioskSeq}`;
  const request = sampleRequest({ kioskSeq, trackingCode });
  // An item that was answered had at least that attempt.
  const answered = state === 'synced' || state === 'rejected';
  return {
    id: request.id,
    kioskSeq,
    trackingCode,
    serviceId: 'life',
    state,
    request,
    createdAt: T0 + kioskSeq,
    attempts: answered ? 1 : 0,
    lastError: state === 'rejected' ? 'conflict' : null,
    lastAttemptAt: answered ? (syncedAt ?? T0) : null,
    syncedAt,
    rejection: state === 'rejected' ? { errors: null, reason: 'conflict' } : null,
  };
}

/**
 * The items as the current app must present them: every field carried, the sync time aside (the
 * `acks` store keeps it), and a `sending` row back in the queue (nothing is on the wire at start-up).
 */
function asPresented(items: readonly LegacyOutboxRow[]): OutboxItem[] {
  return items.map(({ syncedAt: _syncedAt, retentionFrom: _retentionFrom, ...item }) => ({ ...item, state: item.state === 'sending' ? 'queued' : item.state }));
}

/** The acknowledgement ledger, without its generated keys. */
async function acks(db: ShubbakDb) {
  return (await db.acks.toArray()).map(({ at, seqs }) => ({ at, seqs }));
}

/** The outbox's indexes as they are on disk. */
function outboxIndexesOnDisk(db: ShubbakDb): string[] {
  return [...db.backendDB().transaction('outbox').objectStore('outbox').indexNames].sort();
}

const V4_OUTBOX_INDEXES = ['[outcome+kioskSeq]', 'kioskSeq', 'trackingCode'];

/** The raw rows carry no sync state of the older shapes any more. */
async function expectV4Rows(db: ShubbakDb): Promise<void> {
  for (const row of await db.outbox.toArray()) {
    expect(row).not.toHaveProperty('state');
    expect(row).not.toHaveProperty('syncedAt');
    expect(row).not.toHaveProperty('retentionFrom');
  }
}

/** Writes a database exactly as version 1 of the app left it, then closes it. */
async function writeV1Database(name: string, items: LegacyOutboxRow[]): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('outbox').bulkAdd(items);
  await v1.table('meta').put({ key: 'kioskSeq', value: items.length });
  await v1.table('audit').add({ id: uuidv7(), at: T0, action: 'supervisor.unlock', detail: '', synced: 0 });
  v1.close();
}

describe('opening a version 1 database with the current app (fault test 6)', () => {
  it('carries every item across into the v4 layout, with its personal data, and drops nothing', async () => {
    const name = `upgrade-${uuidv7()}`;
    const items = [v1Item(1, 'synced', T0), v1Item(2, 'queued'), v1Item(3, 'sending'), v1Item(4, 'rejected'), v1Item(5, 'queued')];
    await writeV1Database(name, items);

    const db = new ShubbakDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(outboxIndexesOnDisk(db)).toEqual(V4_OUTBOX_INDEXES);
    const stored = await storedItems(db);
    expect(stored.map((item) => item.state)).toEqual(['synced', 'queued', 'queued', 'rejected', 'queued']);
    expect(stored).toEqual(asPresented(items));
    expect(stored.every((item) => item.request !== null)).toBe(true);
    await expectV4Rows(db);
    // The `sending` row a crash of version 1 left is pending again, with the queued ones.
    expect(await db.pending.toCollection().primaryKeys()).toEqual([2, 3, 5]);
    expect(await pendingSummary(db)).toEqual({ count: 3, oldestCreatedAt: T0 + 2 });
    expect((await db.meta.get('kioskSeq'))?.value).toBe(5);
    expect(await db.audit.where('[synced+at]').equals([0, T0]).count()).toBe(1);
    db.close();
  });

  it('starts the retention clock of items synced under version 1, so they are purged in time', async () => {
    const name = `upgrade-${uuidv7()}`;
    await writeV1Database(name, [v1Item(1, 'synced', T0)]);
    const db = new ShubbakDb(name);
    expect(await acks(db)).toEqual([{ at: T0, seqs: [1] }]);
    expect((await purgePersonalData(db, { retentionDays: 10, now: T0 + 100 * DAY })).purged).toBe(1);
    expect((await storedItems(db))[0]).toMatchObject({ state: 'synced', request: null });
    db.close();
  });
});

/** The stores of schema v2, as version 2 of the app declared them. */
const SCHEMA_V2 = {
  ...SCHEMA_V1,
  outbox: 'id, &trackingCode, &kioskSeq, state, [state+kioskSeq], createdAt, retentionFrom',
  audit: 'id, at, synced, [synced+at]',
};

describe('opening a version 2 database with the current app (fault test 6)', () => {
  it('carries every item across into the v4 layout, drops the indexes the drain no longer pays for, and still finds pending items', async () => {
    const name = `upgrade-${uuidv7()}`;
    const synced = { ...v1Item(1, 'synced', T0), retentionFrom: T0 };
    const items = [synced, v1Item(2, 'queued'), v1Item(3, 'sending'), v1Item(4, 'rejected'), v1Item(5, 'queued')];
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('outbox').bulkAdd(items);
    await v2.table('meta').put({ key: 'kioskSeq', value: items.length });
    v2.close();

    const db = new ShubbakDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(outboxIndexesOnDisk(db)).toEqual(V4_OUTBOX_INDEXES);
    expect(await storedItems(db)).toEqual(asPresented(items));
    await expectV4Rows(db);
    expect((await db.meta.get('kioskSeq'))?.value).toBe(5);
    expect(await pendingSummary(db)).toEqual({ count: 3, oldestCreatedAt: T0 + 2 });
    expect(await acks(db)).toEqual([{ at: T0, seqs: [1] }]);
    // The `sending` row an interrupted version 2 left is already back in the queue: nothing is in flight.
    expect(await requeueInFlight(db, T0)).toBe(0);
    expect((await storedItems(db)).map((item) => item.state)).toEqual(['synced', 'queued', 'queued', 'rejected', 'queued']);
    expect((await purgePersonalData(db, { retentionDays: 10, now: T0 + 100 * DAY })).purged).toBe(1);
    expect((await nextBatch(db, 10)).map((item) => item.kioskSeq)).toEqual([2, 3, 5]);
    db.close();
  });
});

describe('opening a version 3 database with the current app (fault test 6)', () => {
  it('moves every item to the v4 layout: pending set, outcomes, acknowledgement times; the in-flight record goes', async () => {
    const name = `upgrade-${uuidv7()}`;
    const synced = { ...v1Item(1, 'synced', T0 - 5 * DAY), retentionFrom: T0 - 5 * DAY };
    const purged = { ...v1Item(2, 'synced', T0 - 90 * DAY), request: null };
    const inFlight = v1Item(3, 'queued');
    const rejected = v1Item(4, 'rejected');
    const discarded = { ...v1Item(5, 'discarded'), request: null, rejection: { errors: null, reason: 'citizen came to the counter' } };
    const legacySending = v1Item(6, 'sending');
    const queued = v1Item(7, 'queued');
    const items = [synced, purged, inFlight, rejected, discarded, legacySending, queued];
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores({ outbox: SCHEMA_V3_OUTBOX });
    await v3.table('outbox').bulkAdd(items);
    await v3.table('meta').bulkPut([
      { key: 'kioskSeq', value: items.length },
      { key: 'inFlight', value: { ids: [inFlight.id], lastTakenSeq: inFlight.kioskSeq } },
    ]);
    v3.close();

    const db = new ShubbakDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(outboxIndexesOnDisk(db)).toEqual(V4_OUTBOX_INDEXES);
    const stored = await storedItems(db);
    expect(stored.map((item) => [item.kioskSeq, item.state])).toEqual([
      [1, 'synced'],
      [2, 'synced'],
      [3, 'queued'],
      [4, 'rejected'],
      [5, 'discarded'],
      [6, 'queued'],
      [7, 'queued'],
    ]);
    expect(stored).toEqual(asPresented(items));
    await expectV4Rows(db);
    expect((await db.outbox.get(rejected.id))?.outcome).toBe('rejected');
    expect((await db.outbox.get(discarded.id))?.outcome).toBe('discarded');
    expect((await db.outbox.get(synced.id))?.outcome).toBeUndefined();
    expect(await db.pending.toArray()).toEqual([inFlight, legacySending, queued].map((item) => ({ kioskSeq: item.kioskSeq, id: item.id })));
    expect(await db.meta.get('inFlight')).toBeUndefined();
    expect((await db.meta.get('kioskSeq'))?.value).toBe(items.length);
    // Only the synced item that still holds personal data is in the ledger, synced when its retention started.
    expect(await acks(db)).toEqual([{ at: synced.retentionFrom, seqs: [synced.kioskSeq] }]);
    expect(await pendingSummary(db)).toEqual({ count: 3, oldestCreatedAt: inFlight.createdAt });
    // Nothing on the wire: the next batch starts from the oldest pending item, the one that was in flight.
    expect(await requeueInFlight(db, T0)).toBe(0);
    expect((await nextBatch(db, 10)).map((item) => item.id)).toEqual([inFlight.id, legacySending.id, queued.id]);
    // The retention runs from the recorded start, not from the upgrade: no status pulled, so three times 10 days after T0 - 5 days.
    expect((await purgePersonalData(db, { retentionDays: 10, now: T0 + 25 * DAY - 1 })).purged).toBe(0);
    expect((await purgePersonalData(db, { retentionDays: 10, now: T0 + 25 * DAY })).purged).toBe(1);
    db.close();
  });
});

describe('opening a database with a row whose state was damaged on disk (fault test 6)', () => {
  it('keeps the row, pending, so it is sent (or refused on its own) rather than dropped', async () => {
    const name = `upgrade-${uuidv7()}`;
    const damaged = { ...v1Item(1, 'queued'), state: 'lost in a crash' } as unknown as LegacyOutboxRow;
    const { state: _unreadable, ...withoutState } = v1Item(2, 'queued');
    await writeV1Database(name, [damaged, withoutState as LegacyOutboxRow, v1Item(3, 'synced', T0)]);

    const db = new ShubbakDb(name);
    const items = await storedItems(db);
    expect(items.map((item) => [item.kioskSeq, item.state])).toEqual([
      [1, 'queued'],
      [2, 'queued'],
      [3, 'synced'],
    ]);
    expect(items.every((item) => item.request !== null)).toBe(true);
    expect(await db.pending.toCollection().primaryKeys()).toEqual([1, 2]);
    db.close();
  });
});
