import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../backoffice/src/cli/run';
import { DATABASE_FILE, startBackoffice } from '../../backoffice/src/server';
import { DAY_MS, parseRetentionDays, purgeFinishedRequests } from '../../backoffice/src/service/retention';
import { openSqliteStore, type SqliteStore } from '../../backoffice/src/store/sqliteStore';
import type { RemoteStatus } from '../../src/domain/status';
import { canonicalRequestJson, type CitizenRequest } from '../../src/domain/request';
import { makeRequest, testCatalogue } from './fixtures';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();

let store: SqliteStore | undefined;
let dir: string | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function openStore(file = ':memory:'): Promise<SqliteStore> {
  const opened = openSqliteStore(file);
  await opened.createOffice({ id: 'north', name: 'North', createdAt: 't' });
  await opened.importCatalogue('north', testCatalogue(), 't');
  opened.db.prepare("INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('d', 'north', 'k', 'h', 'KPX', 't')").run();
  return opened;
}

function push(s: SqliteStore, requests: readonly CitizenRequest[]) {
  const items = requests.map((request) => ({ request, canonical: canonicalRequestJson(request) }));
  return s.pushRequests({ deviceId: 'd', officeId: 'north', receivedAt: daysAgo(400), kioskSeqs: requests.map((r) => r.kioskSeq), items });
}

/** Walks a request to `status` through the statuses staff would set, the last change `at`. */
async function finish(s: SqliteStore, request: CitizenRequest, path: readonly RemoteStatus[], at: string) {
  let expected: RemoteStatus = 'received';
  for (const status of path) {
    await s.appendStatus({ requestId: request.id, expected, status, reason: status === 'refused' ? 'incomplete' : null, at, by: 'test' });
    expected = status;
  }
}

function stored(s: SqliteStore, id: string) {
  return s.db.prepare('SELECT body, body_sha256 AS bodySha256, purged_at AS purgedAt, status, tracking_code AS trackingCode FROM requests WHERE id = ?').get(id) as
    | { body: string; bodySha256: string | null; purgedAt: string | null; status: string; trackingCode: string }
    | undefined;
}

describe('the back office retention purge', () => {
  it('empties the personal data of requests finished before the retention, and of nothing else', async () => {
    store = await openStore();
    const statusProof = { answer: `pbkdf2-sha256$100000$${'A'.repeat(22)}==$${'B'.repeat(43)}=`, token: 'ab'.repeat(32) };
    const [collected, refused, recent, inReview, received] = [1, 2, 3, 4, 5].map((seq) => makeRequest('KPX', seq, { statusProof }));
    await push(store, [collected!, refused!, recent!, inReview!, received!]);
    await finish(store, collected!, ['inReview', 'ready', 'collected'], daysAgo(31));
    await finish(store, refused!, ['refused'], daysAgo(40));
    await finish(store, recent!, ['inReview', 'ready', 'collected'], daysAgo(29));
    await finish(store, inReview!, ['inReview'], daysAgo(300));

    expect(await purgeFinishedRequests(store, { retentionDays: 30, now: NOW })).toBe(2);

    for (const request of [collected!, refused!]) {
      expect(stored(store, request.id)).toEqual({
        body: '',
        bodySha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        purgedAt: NOW.toISOString(),
        status: request === collected ? 'collected' : 'refused',
        trackingCode: request.trackingCode,
      });
    }
    // Finished within the retention, still in progress (however old), or never moved: kept whole.
    for (const request of [recent!, inReview!, received!]) expect(stored(store, request.id)?.body).toBe(canonicalRequestJson(request));
    // The status history stays, for the kiosks that pull it.
    const changes = await store.changesSince('north', 0, 100);
    expect(changes.changes.filter((change) => change.requestId === collected!.id).map((change) => change.status)).toEqual(['received', 'inReview', 'ready', 'collected']);
    // The status proof's verifier (derived from the CIN and the birth date) goes with the body.
    const proofs = store.db.prepare('SELECT id, status_proof AS proof FROM requests').all() as Array<{ id: string; proof: string | null }>;
    expect(proofs.filter(({ proof }) => proof === null).map(({ id }) => id).sort()).toEqual([collected!.id, refused!.id].sort());
    // Nothing left to purge: a second run changes nothing.
    expect(await purgeFinishedRequests(store, { retentionDays: 30, now: NOW })).toBe(0);
  });

  it('still answers `duplicate` to a kiosk re-sending a purged request, and `conflict` to other content under its id', async () => {
    store = await openStore();
    const request = makeRequest('KPX', 1);
    await push(store, [request]);
    await finish(store, request, ['refused'], daysAgo(100));
    expect(await purgeFinishedRequests(store, { retentionDays: 30, now: NOW })).toBe(1);

    expect(await push(store, [request])).toEqual(['duplicate']);
    expect(await push(store, [{ ...request, fields: { note: 'changed' } }])).toEqual(['conflict']);
    expect(stored(store, request.id)?.body).toBe('');
  });

  it('takes whole days from 1 to 3650 as a retention, and nothing else', () => {
    expect(['1', '30', '3650'].map(parseRetentionDays)).toEqual([1, 30, 3650]);
    expect(['0', '3651', '-1', '1.5', '30d', '', ' 30'].map(parseRetentionDays)).toEqual(Array(7).fill(null));
  });

  it('runs from the command line, and refuses a retention that is not whole days', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-retention-'));
    const file = join(dir, DATABASE_FILE);
    const seeded = await openStore(file);
    const request = makeRequest('KPX', 1);
    await push(seeded, [request]);
    await finish(seeded, request, ['refused'], daysAgo(400));
    seeded.close();

    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (line) => out.push(line), stderr: (line) => err.push(line), env: { SHUBBAK_DATA_DIR: dir } };
    expect(await runCli(['purge', '--days', 'thirty'], io)).toBe(2);
    expect(err.at(-1)).toContain('whole days');
    expect(await runCli(['purge', '--days', '30'], io)).toBe(0);
    expect(out.at(-1)).toBe('Purged the personal data of 1 request(s) finished more than 30 day(s) ago');
  });

  it('purges on its own when the server is started with a retention', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shubbak-retention-'));
    const seeded = await openStore(join(dir, DATABASE_FILE));
    const request = makeRequest('KPX', 1);
    await push(seeded, [request]);
    await finish(seeded, request, ['inReview', 'ready', 'collected'], new Date(Date.now() - 40 * DAY_MS).toISOString());
    seeded.close();

    const server = await startBackoffice({ dataDir: dir, port: 0, host: '127.0.0.1', retentionDays: 30 });
    try {
      const check = openSqliteStore(join(dir, DATABASE_FILE));
      try {
        await expect.poll(() => stored(check, request.id)?.body, { timeout: 5_000 }).toBe('');
      } finally {
        check.close();
      }
    } finally {
      await server.close();
    }
  });
});
