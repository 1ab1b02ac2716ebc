import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../../backoffice/src/store/openStore';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../scripts/throwawayPostgres';
import { storeContract } from './storeContract';

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
}, 60_000);
afterAll(() => cluster?.stop());
let databases = 0;

// One throw-away cluster for the file, one schema per test.
storeContract({
  name: 'PostgreSQL',
  freshDatabase: async () => {
    const url = await cluster.createSchema(`contract_${++databases}`);
    return { open: () => openStore({ engine: 'postgres', url, poolSize: 4 }) };
  },
});
