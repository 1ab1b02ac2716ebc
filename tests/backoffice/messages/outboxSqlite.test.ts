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
