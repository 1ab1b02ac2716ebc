import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBrowserInstallationId } from '../../src/platform/installationId';

describe('browser installation id', () => {
  it('makes a random id once and keeps it in IndexedDB across page loads', async () => {
    const indexedDB = new IDBFactory();
    const first = await createBrowserInstallationId(indexedDB, () => 'first-id')();
    const afterReload = await createBrowserInstallationId(indexedDB, () => 'second-id')();
    expect(first).toBe('first-id');
    expect(afterReload).toBe('first-id');
  });

  it('agrees on one id when two pages start at once', async () => {
    const indexedDB = new IDBFactory();
    const ids = await Promise.all([createBrowserInstallationId(indexedDB, () => 'a')(), createBrowserInstallationId(indexedDB, () => 'b')()]);
    expect(new Set(ids).size).toBe(1);
  });
});
