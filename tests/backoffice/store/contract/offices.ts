import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../fixtures';
import { LATER, T0, type ContractKit } from './kit';

/** An office is created and revoked once; catalogue versions are kept and numbered without gaps, across instances; an edit lands only over the version its editor saw. */
export function officesContract(kit: ContractKit): void {
  const { fresh, withKiosk } = kit;
  describe('offices and catalogues', () => {
    it('creates an office once, finds it, and revokes it once', async () => {
      const { store } = await fresh();
      expect(await store.createOffice({ id: 'north', name: 'North', createdAt: T0 })).toBe('created');
      expect(await store.createOffice({ id: 'north', name: 'Other', createdAt: LATER })).toBe('exists');
      expect(await store.getOffice('north')).toEqual({ id: 'north', name: 'North', createdAt: T0, revokedAt: null });
      expect(await store.getOffice('nowhere')).toBeNull();
      expect(await store.revokeOffice('north', LATER)).toBe(true);
      expect(await store.revokeOffice('north', LATER)).toBe(false);
      expect((await store.getOffice('north'))?.revokedAt).toBe(LATER);
    });

    it('keeps every catalogue version and serves each one', async () => {
      const { store } = await withKiosk();
      const next = testCatalogue(99);
      next.services = next.services.slice(0, 1);
      expect((await store.importCatalogue('north', next, T0)).version).toBe(2);
      expect((await store.getCatalogue('north'))?.version).toBe(2);
      expect((await store.getCatalogue('north', 1))?.services).toHaveLength(2);
      expect(await store.getCatalogue('north', 7)).toBeNull();
      expect(await store.getCatalogue('nowhere')).toBeNull();
    });

    it('reads the current catalogue of each office still served, at most as many as asked, and serves the same ones after', async () => {
      const { store } = await withKiosk();
      const next = testCatalogue(99);
      next.services = next.services.slice(0, 1);
      await store.importCatalogue('north', next, LATER);
      await store.createOffice({ id: 'closed', name: 'Closed', createdAt: T0 });
      await store.importCatalogue('closed', testCatalogue(), T0);
      await store.revokeOffice('closed', LATER);
      await store.createOffice({ id: 'empty', name: 'No catalogue', createdAt: T0 });

      const current = await store.cacheCurrentCatalogues(10);
      expect(current.map((c) => [c.version, c.services.length]).sort()).toEqual([
        [1, 2],
        [2, 1],
      ]);
      expect(await store.getCatalogue('north')).toEqual(current.find((c) => c.version === 2));
      expect(await store.getCatalogue('south', 1)).toEqual(current.find((c) => c.version === 1));
      expect(await store.cacheCurrentCatalogues(1)).toHaveLength(1);
      expect(await store.cacheCurrentCatalogues(0)).toEqual([]);
    });

    it('numbers catalogue versions without a gap or a repeat when two imports race', async () => {
      const { store, another } = await withKiosk();
      const second = await another();
      const versions = await Promise.all([...Array(6).keys()].map((i) => (i % 2 ? store : second).importCatalogue('south', testCatalogue(), T0)));
      expect(versions.map((c) => c.version).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    });

    it('replaces a catalogue only over the version the editor saw, once when two edits race', async () => {
      const { store, another } = await withKiosk();
      const second = await another();
      const edited = testCatalogue();
      expect(await store.replaceCatalogue('north', edited, 7, T0)).toBe('version_conflict');
      const outcomes = await Promise.all([store, second, store, second].map((s) => s.replaceCatalogue('north', edited, 1, LATER)));
      expect(outcomes.filter((o) => o === 'version_conflict')).toHaveLength(3);
      expect(outcomes.find((o) => o !== 'version_conflict')).toMatchObject({ version: 2 });
      expect((await store.getCatalogue('north'))?.version).toBe(2);
    });
  });
}
