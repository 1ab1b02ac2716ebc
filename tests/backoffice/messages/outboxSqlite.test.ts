import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../backoffice/src/store/openStore';
import { SqliteStore } from '../../../backoffice/src/store/sqliteStore';
import { enqueueInSqlite } from '../../../backoffice/src/store/sqliteOutbox';
import { outboxContract } from './outboxContract';

const dir = mkdtempSync(join(tmpdir(), 'shubbak-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let databases = 0;

outboxContract({
  name: 'SQLite',
  freshDatabase: async () => {
    const file = join(dir, `db-${++databases}.sqlite`);
    return { open: () => openStore({ engine: 'sqlite', file }) };
  },
});

describe('enqueueing inside a SQLite transaction', () => {
  it('commits with the transaction and leaves nothing when it rolls back', async () => {
    const store = new SqliteStore(join(dir, 'tx.sqlite'));
    await store.createOffice({ id: 'north', name: 'North', createdAt: '2026-11-28T10:00:00.000Z' });
    const message = (key: string) => ({
      officeId: 'north',
      requestId: null,
      kind: 'forward' as const,
      channel: 'email' as const,
      recipient: 'commune@example.org',
      payload: {},
      idempotencyKey: key,
      at: '2026-11-28T10:00:00.000Z',
    });
    expect(() =>
      store.db.transaction(() => {
        enqueueInSqlite(store.db, message('rolled-back'));
        throw new Error('the status change failed');
      })(),
    ).toThrow('the status change failed');
    expect(store.db.transaction(() => enqueueInSqlite(store.db, message('committed')))()).toBe('enqueued');
    expect(await store.outboxCounts()).toEqual({ pending: 1, sent: 0, failed: 0 });
    await store.close();
  });
});

describe('the retention purge of messages on SQLite', () => {
  it("empties the recipients of a purged request's messages, and of old sent ones, from the file", async () => {
    const { readFileSync } = await import('node:fs');
    const { makeReady, seedRequests } = await import('./seed');
    const file = join(dir, 'purge.sqlite');
    const store = new SqliteStore(file);
    const [purged, kept] = await seedRequests(store, { count: 2, contact: { agreed: true, notifyReceived: false }, emailOf: (i) => `unique-citizen-${i}@example.org` });
    await makeReady(store, [kept!]);
    await store.appendStatus({ requestId: purged!.id, expected: 'received', status: 'refused', reason: 'x', reasonCode: 'other', at: '2026-11-28T10:00:00.000Z', by: 'test' });
    expect(await store.purgeFinishedRequests({ finishedBefore: '2026-11-29T00:00:00.000Z', at: '2026-12-01T00:00:00.000Z' })).toBe(1);
    const rows = store.db.prepare('SELECT request_id AS requestId, recipient, payload, state FROM outbox_messages ORDER BY id').all() as Array<{ requestId: string; recipient: string; payload: string; state: string }>;
    expect(rows.filter((r) => r.requestId === purged!.id)).toEqual([
      { requestId: purged!.id, recipient: '', payload: '{}', state: 'failed' },
      { requestId: purged!.id, recipient: '', payload: '{}', state: 'failed' },
    ]);
    // The ready request is not finished: its waiting messages keep what they need.
    expect(rows.filter((r) => r.requestId === kept!.id).map((r) => r.recipient).sort()).toEqual(['+212612345678', 'unique-citizen-1@example.org']);
    await store.close();
    expect(readFileSync(file).includes('unique-citizen-0@example.org')).toBe(false);
  });
});
