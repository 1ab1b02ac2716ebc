import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE_PATH, readCatalogueFile } from '../../backoffice/src/catalogueFile';
import { warmUpSetting } from '../../backoffice/src/cli/serveCommand';
import { checkAgainstCatalogue, parsePushItem } from '../../backoffice/src/service/pushItems';
import { DEFAULT_WARM_UP, sampleRequest, warmUp } from '../../backoffice/src/service/warmUp';
import { openStore } from '../../backoffice/src/store/openStore';
import type { Store } from '../../backoffice/src/store/types';
import { NOW, testCatalogue } from './fixtures';

const opened: { store: Store; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function storeWithOffices(ids: readonly string[]): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'shubbak-warm-'));
  const store = await openStore({ engine: 'sqlite', file: join(dir, 'backoffice.sqlite') });
  opened.push({ store, dir });
  for (const id of ids) {
    await store.createOffice({ id, name: id, createdAt: NOW.toISOString() });
    await store.importCatalogue(id, testCatalogue(), NOW.toISOString());
  }
  return store;
}

describe('warming an instance up before it listens', () => {
  it('fills every field of every service of the shipped catalogue with a value its rules accept', () => {
    const catalogue = readCatalogueFile(DEFAULT_CATALOGUE_PATH);
    const today = NOW.toISOString().slice(0, 10);
    for (const [i, service] of catalogue.services.entries()) {
      const parsed = parsePushItem(JSON.parse(JSON.stringify(sampleRequest(service, catalogue.version, i + 1, NOW.toISOString()))));
      expect(parsed.ok, service.id).toBe(true);
      if (parsed.ok) expect(checkAgainstCatalogue(parsed.request, catalogue, today), service.id).toMatchObject({ ok: true });
    }
  });

  it('reads the offices’ catalogues and validates synthetic batches up to its item limit, storing nothing', async () => {
    const store = await storeWithOffices(['north', 'south']);
    const report = await warmUp(store, { maxOffices: 10, validationItems: 100, validationMs: 60_000 }, NOW);
    expect(report).toMatchObject({ catalogues: 2, validatedItems: 100 });
    expect((await store.changesSince('north', 0, 10)).changes).toEqual([]);
    expect(await store.stats()).toMatchObject({ requests: 0, statusChanges: 0 });
  });

  it('stops at its office and time limits', async () => {
    const store = await storeWithOffices(['north', 'south', 'east']);
    expect(await warmUp(store, { maxOffices: 1, validationItems: 100, validationMs: 0 }, NOW)).toMatchObject({ catalogues: 1, validatedItems: 0 });
  });

  it('only reads when no office has a catalogue yet', async () => {
    const store = await storeWithOffices([]);
    expect(await warmUp(store, undefined, NOW)).toMatchObject({ catalogues: 0, validatedItems: 0 });
  });

  it.each([
    [undefined, true],
    ['on', true],
    [' OFF ', false],
    ['catalogues', { ...DEFAULT_WARM_UP, validationItems: 0 }],
  ])('reads SHUBBAK_WARM_UP=%s', (text, expected) => {
    expect(warmUpSetting(text)).toEqual(expected);
  });

  it('refuses a SHUBBAK_WARM_UP it does not know, before anything starts', () => {
    expect(() => warmUpSetting('later')).toThrow(/SHUBBAK_WARM_UP/);
  });
});
