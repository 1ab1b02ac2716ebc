import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../backoffice/src/store/openStore';
import { PostgresStore } from '../../../backoffice/src/store/postgres/pgStore';
import { enqueueInPostgres } from '../../../backoffice/src/store/postgres/pgOutbox';
import { inTransaction } from '../../../backoffice/src/store/postgres/pool';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../scripts/throwawayPostgres';
import { outboxContract } from './outboxContract';

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
}, 60_000);
afterAll(() => cluster?.stop());
let databases = 0;

// One throw-away cluster for the file, one schema per test.
outboxContract({
  name: 'PostgreSQL',
  freshDatabase: async () => {
    const url = await cluster.createSchema(`outbox_${++databases}`);
    return { open: () => openStore({ engine: 'postgres', url, poolSize: 4 }) };
  },
});

describe('enqueueing inside a PostgreSQL transaction', () => {
  it('commits with the transaction and leaves nothing when it rolls back', async () => {
    const store = await PostgresStore.open({ url: await cluster.createSchema('outbox_tx'), poolSize: 2 });
    await store.createOffice({ id: 'north', name: 'North', createdAt: '2026-11-28T10:00:00.000Z' });
    const message = (key: string) => ({
      officeId: 'north',
      requestId: null,
      kind: 'forward' as const,
      channel: 'http' as const,
      recipient: 'https://commune.example/api',
      payload: {},
      idempotencyKey: key,
      at: '2026-11-28T10:00:00.000Z',
    });
    await expect(
      inTransaction(store.pool, async (client) => {
        await enqueueInPostgres(client, message('rolled-back'));
        throw new Error('the status change failed');
      }),
    ).rejects.toThrow('the status change failed');
    expect(await inTransaction(store.pool, (client) => enqueueInPostgres(client, message('committed')))).toBe('enqueued');
    expect(await store.outboxCounts()).toEqual({ pending: 1, sent: 0, failed: 0 });
    await store.close();
  });
});
