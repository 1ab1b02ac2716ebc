import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../../backoffice/src/store/openStore';
import { storeContract } from './storeContract';

const dir = mkdtempSync(join(tmpdir(), 'shubbak-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let databases = 0;

// A file per test rather than :memory:, so that a second instance can open the same database.
storeContract({
  name: 'SQLite',
  freshDatabase: async () => {
    const file = join(dir, `db-${++databases}.sqlite`);
    return { open: () => openStore({ engine: 'sqlite', file }) };
  },
});
