import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_V1, ShubbakDb, type OutboxItem } from '../../src/storage/db';
import { requeueInFlight } from '../../src/storage/outboxSync';
import { pendingSummary } from '../../src/storage/outboxSync';
import { purgePersonalData } from '../../src/storage/retention';
import { DAY, T0, sampleRequest } from './support';

function v1Item(kioskSeq: number, state: OutboxItem['state'], syncedAt: number | null = null): OutboxItem {
  const trackingCode = `ABC-${String(kioskSeq).padStart(5, '0')}-${kioskSeq}`;
  const request = sampleRequest({ kioskSeq, trackingCode });
  return { id: request.id, kioskSeq, trackingCode, serviceId: 'life', state, request, createdAt: T0 + kioskSeq, attempts: 0, lastError: null, lastAttemptAt: null, syncedAt, rejection: null };
}

/** Writes a database exactly as version 1 of the app left it, then closes it. */
async function writeV1Database(name: string, items: OutboxItem[]): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('outbox').bulkAdd(items);
  await v1.table('meta').put({ key: 'kioskSeq', value: items.length });
  await v1.table('audit').add({ id: uuidv7(), at: T0, action: 'supervisor.unlock', detail: '', synced: 0 });
  v1.close();
}

describe('opening a version 1 database with the current app (fault test 6)', () => {
  it('carries every pending item across, with its personal data, and drops nothing', async () => {
    const name = `upgrade-${uuidv7()}`;
    const items = [v1Item(1, 'synced', T0), v1Item(2, 'queued'), v1Item(3, 'sending'), v1Item(4, 'rejected'), v1Item(5, 'queued')];
    await writeV1Database(name, items);

    const db = new ShubbakDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    const stored = await db.outbox.orderBy('kioskSeq').toArray();
    expect(stored.map((item) => item.id)).toEqual(items.map((item) => item.id));
    expect(stored.map((item) => item.state)).toEqual(['synced', 'queued', 'queued', 'rejected', 'queued']);
    expect(stored.every((item) => item.request !== null)).toBe(true);
    expect(await pendingSummary(db)).toEqual({ count: 3, oldestCreatedAt: T0 + 2 });
    expect((await db.meta.get('kioskSeq'))?.value).toBe(5);
    expect(await db.audit.where('[synced+at]').equals([0, T0]).count()).toBe(1);
    db.close();
  });

  it('starts the retention clock of items synced under version 1, so they are purged in time', async () => {
    const name = `upgrade-${uuidv7()}`;
    await writeV1Database(name, [v1Item(1, 'synced', T0)]);
    const db = new ShubbakDb(name);
    expect((await db.outbox.toArray())[0]?.retentionFrom).toBe(T0);
    expect((await purgePersonalData(db, { retentionDays: 10, now: T0 + 100 * DAY })).purged).toBe(1);
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
  it('carries every item across untouched, drops the two indexes the drain no longer pays for, and still finds pending items', async () => {
    const name = `upgrade-${uuidv7()}`;
    const synced = { ...v1Item(1, 'synced', T0), retentionFrom: T0 };
    const items = [synced, v1Item(2, 'queued'), v1Item(3, 'sending'), v1Item(4, 'rejected'), v1Item(5, 'queued')];
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('outbox').bulkAdd(items);
    v2.close();

    const db = new ShubbakDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.outbox.orderBy('kioskSeq').toArray()).toEqual(items);
    const onDisk = db.backendDB().transaction('outbox').objectStore('outbox').indexNames;
    expect([...onDisk].sort()).toEqual(['[state+kioskSeq]', 'kioskSeq', 'retentionFrom', 'trackingCode']);
    expect(await pendingSummary(db)).toEqual({ count: 3, oldestCreatedAt: T0 + 2 });
    // The `sending` row an interrupted version 2 left goes back to the queue at start-up.
    expect(await requeueInFlight(db, T0)).toBe(1);
    expect((await db.outbox.orderBy('kioskSeq').toArray()).map((item) => item.state)).toEqual(['synced', 'queued', 'queued', 'rejected', 'queued']);
    expect((await purgePersonalData(db, { retentionDays: 10, now: T0 + 100 * DAY })).purged).toBe(1);
    db.close();
  });
});
