import { afterEach, describe, expect, it } from 'vitest';
import { canonicalRequestJson } from '../../src/domain/request';
import { openSqliteStore, type SqliteStore } from '../../backoffice/src/store/sqliteStore';
import { makeRequest, testCatalogue } from './fixtures';

let store: SqliteStore;
afterEach(() => store.close());

async function storeWithKiosk(): Promise<SqliteStore> {
  const s = openSqliteStore(':memory:');
  await s.createOffice({ id: 'north', name: 'North', createdAt: 't' });
  await s.importCatalogue('north', testCatalogue(), 't');
  s.db.prepare("INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('d', 'north', 'k', 'h', 'KPX', 't')").run();
  return s;
}

const valid = (seq: number) => {
  const request = makeRequest('KPX', seq);
  return { request, canonical: canonicalRequestJson(request) };
};

describe('the SQLite store', () => {
  it('writes a push batch whole or not at all', async () => {
    store = await storeWithKiosk();
    // The last item names a device that does not exist: the foreign key fails mid-batch.
    const batch = { deviceId: 'd', officeId: 'north', receivedAt: 't', kioskSeqs: [1, 2], items: [valid(1), valid(2)] };
    const failing = store.pushRequests({ ...batch, deviceId: 'ghost' });
    await expect(failing).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.stats()).toMatchObject({ requests: 0, statusChanges: 0 });
    expect(await store.pushRequests(batch)).toEqual(['accepted', 'accepted']);
  });

  it('refuses a status append when the status changed since it was read (compare-and-set)', async () => {
    store = await storeWithKiosk();
    const item = valid(1);
    const { request } = item;
    await store.pushRequests({ deviceId: 'd', officeId: 'north', receivedAt: 't', kioskSeqs: [1], items: [item] });
    const append = (expected: 'received' | 'inReview') => store.appendStatus({ requestId: request.id, expected, status: 'inReview', reason: null, at: 't', by: 'test' });
    expect(await append('received')).toMatchObject({ ok: true, change: { seq: 2, status: 'inReview' } });
    expect(await append('received')).toEqual({ ok: false, current: 'inReview' });
  });

  it('keeps every catalogue version and serves each one', async () => {
    store = await storeWithKiosk();
    const next = testCatalogue();
    next.services = next.services.slice(0, 1);
    await store.importCatalogue('north', next, 't');
    expect((await store.getCatalogue('north'))?.version).toBe(2);
    expect((await store.getCatalogue('north', 1))?.services).toHaveLength(2);
    expect(await store.getCatalogue('north', 7)).toBeNull();
    expect(await store.getCatalogue('nowhere')).toBeNull();
  });
});
