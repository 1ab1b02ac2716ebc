import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_OFFICE, demoSetup, setOfficeIdentity } from '../../backoffice/src/cli/commands';
import { runCli } from '../../backoffice/src/cli/run';
import { DATABASE_FILE } from '../../backoffice/src/server';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { officeIdentityResponseSchema } from '../../src/domain/officeIdentity';
import { harness, testCatalogue, type Harness } from './fixtures';

const NAMES = { ar: 'ملحقة بركان 2', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⴱⵔⴽⴰⵏ 2', fr: 'Annexe Berkane 2', en: 'Berkane annex 2' };
const SVG_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("the office's identity on its kiosks", () => {
  it('is pulled like the catalogue: null until set, then each newer version, then null once up to date', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const pull = async (since: number) => officeIdentityResponseSchema.parse((await h!.get(`/api/v1/office-identity?since=${since}`, kiosk.deviceToken)).json());
    expect(await pull(0)).toEqual({ identity: null });

    await setOfficeIdentity(h.context, 'north', { names: NAMES, logo: null });
    expect(await pull(0)).toEqual({ identity: { version: 1, names: NAMES, logo: null } });
    expect(await pull(1)).toEqual({ identity: null });

    const logo = { mediaType: 'image/svg+xml' as const, base64: Buffer.from(SVG_LOGO).toString('base64') };
    await setOfficeIdentity(h.context, 'north', { names: { ...NAMES, fr: 'Annexe Berkane II' }, logo });
    expect((await pull(1)).identity).toEqual({ version: 2, names: { ...NAMES, fr: 'Annexe Berkane II' }, logo });
  });

  it("keeps each office's identity to its own kiosks, and asks for a device token", async () => {
    h = await harness();
    await h.context.store.createOffice({ id: 'south', name: 'Annexe Sud', createdAt: new Date().toISOString() });
    const south = await h.enrol('south');
    await setOfficeIdentity(h.context, 'north', { names: NAMES, logo: null });
    expect((await h.get('/api/v1/office-identity?since=0', south.deviceToken)).json()).toEqual({ identity: null });
    expect((await h.get('/api/v1/office-identity?since=0')).statusCode).toBe(401);
  });

  it('refuses a name missing in one language, so no screen falls back to another language', async () => {
    h = await harness();
    await expect(setOfficeIdentity(h.context, 'north', { names: { ...NAMES, zgh: '  ' }, logo: null })).rejects.toThrow(/names/);
  });

  it('is set from the command line with a logo file, which it reads and checks', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-identity-'));
    const catalogueFile = join(dir, 'catalogue.json');
    writeFileSync(catalogueFile, JSON.stringify(testCatalogue()));
    const logoFile = join(dir, 'logo.svg');
    writeFileSync(logoFile, SVG_LOGO);
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line), env: { SHUBBAK_DATA_DIR: dir, SHUBBAK_DEFAULT_CATALOGUE: catalogueFile } };
    expect(await runCli(['create-office', '--id', 'berkane-2', '--name', 'Annexe Berkane 2'], io)).toBe(0);
    const names = ['--name-ar', NAMES.ar, '--name-zgh', NAMES.zgh, '--name-fr', NAMES.fr, '--name-en', NAMES.en];
    expect(await runCli(['set-office-identity', '--office', 'berkane-2', ...names, '--logo', logoFile], io)).toBe(0);
    expect(out.at(-1)).toBe('Office berkane-2: identity version 1 (logo image/svg+xml)');
    expect(await runCli(['set-office-identity', '--office', 'berkane-2', ...names, '--logo', join(dir, 'logo.gif')], io)).toBe(2);
    expect(err.at(-1)).toMatch(/must be a \.png, \.jpg, \.webp or \.svg file/);
    expect(await runCli(['set-office-identity', '--office', 'berkane-2', '--name-ar', NAMES.ar], io)).toBe(2);

    const store = openSqliteStore(join(dir, DATABASE_FILE));
    try {
      const stored = await store.getOfficeIdentity('berkane-2');
      expect(stored?.names).toEqual(NAMES);
      expect(Buffer.from(stored?.logo?.base64 ?? '', 'base64').toString()).toBe(SVG_LOGO);
    } finally {
      store.close();
    }
  });

  it('takes the street list from a file on the command line, and keeps it when the name changes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-streets-'));
    const catalogueFile = join(dir, 'catalogue.json');
    writeFileSync(catalogueFile, JSON.stringify(testCatalogue()));
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line), env: { SHUBBAK_DATA_DIR: dir, SHUBBAK_DEFAULT_CATALOGUE: catalogueFile } };
    const listFile = join(dir, 'streets.txt');
    writeFileSync(listFile, '# Berkane 2\nRue Atlas;زنقة الأطلس\nAvenue Mohammed V;شارع محمد الخامس\n');
    expect(await runCli(['create-office', '--id', 'berkane-2', '--name', 'Annexe Berkane 2'], io)).toBe(0);
    expect(await runCli(['set-office-streets', '--office', 'berkane-2', listFile], io)).toBe(2);
    expect(err.at(-1)).toMatch(/no identity yet: set-office-identity first/);
    const names = ['--name-ar', NAMES.ar, '--name-zgh', NAMES.zgh, '--name-fr', NAMES.fr, '--name-en', NAMES.en];
    expect(await runCli(['set-office-identity', '--office', 'berkane-2', ...names], io)).toBe(0);
    expect(await runCli(['set-office-streets', '--office', 'berkane-2', listFile], io)).toBe(0);
    expect(out.at(-1)).toBe('Office berkane-2: 2 streets (identity version 2)');
    expect(await runCli(['set-office-identity', '--office', 'berkane-2', ...names.slice(0, -1), 'Berkane annex II'], io)).toBe(0);
    writeFileSync(listFile, 'Rue Atlas;زنقة الأطلس\nRue Anoual\n');
    expect(await runCli(['set-office-streets', '--office', 'berkane-2', listFile], io)).toBe(2);
    expect(err.at(-1)).toMatch(/line 2: expected "Latin name;Arabic name"/);

    const store = openSqliteStore(join(dir, DATABASE_FILE));
    try {
      const stored = await store.getOfficeIdentity('berkane-2');
      expect(stored?.version).toBe(3);
      expect(stored?.names.en).toBe('Berkane annex II');
      expect(stored?.streets).toEqual([
        { latin: 'Rue Atlas', ar: 'زنقة الأطلس' },
        { latin: 'Avenue Mohammed V', ar: 'شارع محمد الخامس' },
      ]);
    } finally {
      store.close();
    }
  });

  it("gives the demo office its names in each language and a street list, and leaves an identity set by hand alone", async () => {
    h = await harness();
    await demoSetup(h.context);
    const identity = await h.context.store.getOfficeIdentity(DEMO_OFFICE.id);
    expect(identity?.names.fr).toBe(DEMO_OFFICE.name);
    expect(identity?.streets?.map((street) => street.latin)).toContain('Rue Atlas');
    await setOfficeIdentity(h.context, DEMO_OFFICE.id, { names: NAMES, logo: null, streets: [] });
    await demoSetup(h.context);
    expect(await h.context.store.getOfficeIdentity(DEMO_OFFICE.id)).toMatchObject({ version: 2, names: NAMES, streets: [] });
  });
});
