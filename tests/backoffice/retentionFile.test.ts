import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { createOffice, enrolCode, purge, setStatus, type CommandContext } from '../../backoffice/src/cli/commands';
import { buildServer } from '../../backoffice/src/server';
import { DAY_MS } from '../../backoffice/src/service/retention';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { enrolResponseSchema } from '../../src/domain/syncProtocol';
import { makeRequest, NOW, testCatalogue } from './fixtures';

/**
 * Issue 12: the retention purge leaves no personal value in the database FILES. Every value a
 * kiosk and staff sent (identity, fields, a refusal reason, an audit detail) is searched for,
 * byte for byte, in a copy of the purged database and its WAL.
 */

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PERSONAL = {
  cin: 'QZ987654',
  lastNameLatin: 'Zerhouniyeva',
  firstNameLatin: 'Ouarda',
  lastNameArabic: 'الزرهونية',
  firstNameArabic: 'وردة',
  dateOfBirth: '1977-03-19',
  phone: '+212698765432',
};
const COMMUNE = 'Tafoughaltine';
const REASON = 'Acte introuvable pour Zerhouniyeva Ouarda QZ987654';
const AUDIT_DETAIL = 'reason=doublon Ouarda QZ987654';

function fileContains(files: readonly string[], value: string): boolean {
  const needle = Buffer.from(value, 'utf8');
  return files.some((file) => existsSync(file) && readFileSync(file).includes(needle));
}

describe('the retention purge, searched for in the database file', () => {
  it('leaves none of the personal values pushed in a copy of the purged database', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-purge-file-'));
    const file = join(dir, 'backoffice.sqlite');
    const store = openSqliteStore(file);
    const clock = { now: new Date(NOW) };
    const context: CommandContext = { store, now: () => clock.now, print: () => undefined, defaultCatalogue: testCatalogue };
    await createOffice(context, { id: 'north', name: 'North' });
    const app = buildServer({ store, rateLimit: false, now: () => clock.now });
    const post = (url: string, payload: object, token?: string) =>
      app.inject({ method: 'POST', url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });

    const kiosk = enrolResponseSchema.parse((await post('/api/v1/enrol', { code: await enrolCode(context, 'north'), kioskLabel: 'Hall' })).json());
    const identity = { ...makeRequest('AAA', 1).identity, ...PERSONAL };
    const requests = [
      makeRequest(kiosk.trackingPrefix, 1, { identity }),
      makeRequest(kiosk.trackingPrefix, 2, { identity, serviceId: 'birth_extract', fields: { communeOfBirth: COMMUNE, actNumber: '4711', actYear: '1977' } }),
    ];
    const pushed = await post('/api/v1/requests/push', { items: requests }, kiosk.deviceToken);
    expect(pushed.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['accepted', 'accepted']);
    await setStatus(context, requests[0]!.trackingCode, 'refused', REASON);
    for (const status of ['inReview', 'ready', 'collected'] as const) await setStatus(context, requests[1]!.trackingCode, status);
    await post('/api/v1/audit', { entries: [{ id: uuidv4(), at: NOW.toISOString(), action: 'supervisor.discard', detail: AUDIT_DETAIL }] }, kiosk.deviceToken);

    const values = [...Object.values(PERSONAL), COMMUNE, REASON, AUDIT_DETAIL];
    const files = [file, `${file}-wal`];
    // The search finds them before the purge, so not finding them after means something.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(values.filter((v) => !fileContains(files, v))).toEqual([]);

    clock.now = new Date(NOW.getTime() + 31 * DAY_MS);
    expect(await purge(context, 30)).toBe(2);
    const copy = join(dir, 'copy.sqlite');
    for (const suffix of ['', '-wal']) if (existsSync(`${file}${suffix}`)) copyFileSync(`${file}${suffix}`, `${copy}${suffix}`);
    expect(values.filter((v) => fileContains([copy, `${copy}-wal`], v))).toEqual([]);

    // What the purge keeps: the requests, their statuses and the audit trail's actions.
    expect(store.db.prepare('SELECT COUNT(*) FROM requests').pluck().get()).toBe(2);
    expect(store.db.prepare('SELECT action FROM audit_entries').pluck().all()).toEqual(['supervisor.discard']);
    await app.close();
    store.close();
  });
});
