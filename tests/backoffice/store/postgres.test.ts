import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../../backoffice/src/store/openStore';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../scripts/throwawayPostgres';
import { storeContract } from './storeContract';

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
}, 60_000);
// Stopping the cluster waits for its checkpoint: slow on a loaded machine, like starting it.
afterAll(() => cluster?.stop(), 60_000);
let databases = 0;

// One throw-away cluster for the file, one schema per test.
storeContract({
  name: 'PostgreSQL',
  freshDatabase: async () => {
    const url = await cluster.createSchema(`contract_${++databases}`);
    return { open: () => openStore({ engine: 'postgres', url, poolSize: 4 }) };
  },
});
