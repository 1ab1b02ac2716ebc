import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { setStatus } from '../../backoffice/src/cli/commands';
import { runCli } from '../../backoffice/src/cli/run';
import { DATABASE_FILE } from '../../backoffice/src/server';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import type { CitizenRequest } from '../../src/domain/request';
import { harness, makeRequest, type Harness } from './fixtures';

/** Issue 12, "text is stored as received": the server stores what it validated with the shared rule, never the raw body. */

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

const ANSI = '\u001b[2J\u001b[31mKIOSK';

async function pushOne(request: CitizenRequest) {
  const kiosk = await h.enrol();
  const item = { ...request, trackingCode: makeRequest(kiosk.trackingPrefix, request.kioskSeq).trackingCode };
  const response = await h.post('/api/v1/requests/push', { items: [item] }, kiosk.deviceToken);
  expect(response.statusCode, response.body).toBe(200);
  return { result: response.json().results[0], id: item.id };
}

const storedBody = (id: string) => JSON.parse(h.store.db.prepare('SELECT body FROM requests WHERE id = ?').pluck().get(id) as string);

describe('pushed requests', () => {
  const identity = makeRequest('AAA', 1).identity;
  it.each<[string, Partial<CitizenRequest>, string, string]>([
    ['a bidi override in a name', { identity: { ...identity, lastNameLatin: 'Amrani\u202Egpj.exe' } }, 'identity.lastNameLatin', 'forbiddenCharacter'],
    ['NUL in a name', { identity: { ...identity, firstNameLatin: 'Mo\u0000hamed' } }, 'identity.firstNameLatin', 'forbiddenCharacter'],
    ['a zero-width space in an Arabic name', { identity: { ...identity, lastNameArabic: 'العمر\u200Bاني' } }, 'identity.lastNameArabic', 'forbiddenCharacter'],
    ['an Arabic name made of tatweel', { identity: { ...identity, firstNameArabic: 'ـــ' } }, 'identity.firstNameArabic', 'noLetter'],
    ['a Latin name made of Hangul fillers', { identity: { ...identity, firstNameLatin: '\u3164\u3164' } }, 'identity.firstNameLatin', 'noLetter'],
    ['a lone surrogate in a field', { serviceId: 'birth_extract', fields: { communeOfBirth: 'Oujda\uD800', actNumber: '12', actYear: '1990' } }, 'fields.communeOfBirth', 'forbiddenCharacter'],
    ['an ANSI escape in a field', { serviceId: 'birth_extract', fields: { communeOfBirth: ANSI, actNumber: '12', actYear: '1990' } }, 'fields.communeOfBirth', 'forbiddenCharacter'],
  ])('refuses %s as invalid and stores nothing', async (_label, overrides, path, code) => {
    h = await harness();
    const { result } = await pushOne(makeRequest('AAA', 1, overrides));
    expect(result).toMatchObject({ outcome: 'invalid', errors: [{ path, code }] });
    expect((await h.store.stats()).requests).toBe(0);
  });

  it('stores the cleaned values: NFC, trimmed, presentation forms folded', async () => {
    h = await harness();
    const request = makeRequest('AAA', 1, {
      serviceId: 'birth_extract',
      identity: { ...identity, firstNameLatin: '  Fe\u0301lix ', firstNameArabic: '\uFEE3\uFEA4\uFEE4\uFEA9' },
      fields: { communeOfBirth: ' Oujda\t', actNumber: '12', actYear: '1990' },
    });
    const { result, id } = await pushOne(request);
    expect(result.outcome).toBe('accepted');
    const body = storedBody(id);
    expect([body.identity.firstNameLatin, body.identity.firstNameArabic, body.fields.communeOfBirth]).toEqual(['Félix', 'محمد', 'Oujda']);
  });
});

describe('kiosk labels, refusal reasons and audit entries', () => {
  it('refuses a kiosk label with escape sequences, and stores a clean one trimmed', async () => {
    h = await harness();
    const { enrolCode } = await import('../../backoffice/src/cli/commands');
    const refused = await h.post('/api/v1/enrol', { code: await enrolCode(h.context, 'north'), kioskLabel: ANSI });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'invalid_body']);
    await h.enrol('north', '  Hall 2  ');
    expect(h.store.db.prepare('SELECT label FROM devices').pluck().all()).toEqual(['Hall 2']);
  });

  it('refuses a refusal reason with a bidi override, and stores a clean one trimmed', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const request = makeRequest(kiosk.trackingPrefix, 1);
    await h.post('/api/v1/requests/push', { items: [request] }, kiosk.deviceToken);
    await expect(setStatus(h.context, request.trackingCode, 'refused', 'x\u202Ey')).rejects.toMatchObject({ statusCode: 400, code: 'invalid_reason' });
    await setStatus(h.context, request.trackingCode, 'refused', ' Pièce manquante\n');
    expect(h.store.db.prepare("SELECT reason FROM status_changes WHERE status = 'refused'").pluck().get()).toBe('Pièce manquante');
  });

  it('keeps an audit detail with control characters as a visible trace, never raw', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const entry = { id: uuidv4(), at: '2026-11-28T09:00:00.000Z', action: 'supervisor.discard\u0000', detail: `reason=${ANSI}` };
    expect((await h.post('/api/v1/audit', { entries: [entry] }, kiosk.deviceToken)).statusCode).toBe(200);
    const row = h.store.db.prepare('SELECT action, detail FROM audit_entries').get();
    expect(row).toEqual({ action: 'supervisor.discard\\u{0}', detail: 'reason=\\u{1b}[2J\\u{1b}[31mKIOSK' });
  });
});

describe('the CLI', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: { SHUBBAK_DATA_DIR: dir } });
    return { code, out, err };
  }

  it('prints a kiosk label full of escape sequences (stored before the rule) with the escapes made visible', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-text-'));
    const store = openSqliteStore(join(dir, DATABASE_FILE));
    await store.createOffice({ id: 'north', name: 'North', createdAt: '2026-11-28T10:00:00.000Z' });
    store.db
      .prepare("INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('d1', 'north', ?, 'h', 'KPX', 't')")
      .run(`${ANSI}\u202E\u0007`);
    store.close();
    const { out } = await cli('list-devices');
    expect(out.join('\n')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(out[0]).toContain('\\u{1b}[2J\\u{1b}[31mKIOSK\\u{202e}\\u{7}');
  });

  it('refuses an office or staff name made of invisible characters', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-text-'));
    expect((await cli('create-office', '--id', 'north', '--name', '\u200B\u200B')).code).toBe(2);
    expect((await cli('create-office', '--id', 'north', '--name', '  North ')).code).toBe(0);
    expect((await cli('add-staff', '--office', 'north', '--role', 'agent', '--name', 'ـــ')).code).toBe(2);
  });
});

describe('catalogue import', () => {
  it('refuses a catalogue whose text carries a bidi override, naming where', async () => {
    h = await harness();
    const { catalogueImport } = await import('../../backoffice/src/cli/commands');
    const { testCatalogue } = await import('./fixtures');
    const catalogue = testCatalogue();
    catalogue.services[0]!.name.fr = 'Attestation \u202Eedive';
    await expect(catalogueImport(h.context, 'north', catalogue)).rejects.toThrow(/services\[0\]\.name\.fr.*forbiddenCharacter/);
    await expect(catalogueImport(h.context, 'north', testCatalogue())).resolves.toBe(2);
  });
});
