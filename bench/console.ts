/**
 * `npm run bench:console`: how fast the console's queues and search answer with 100,000 requests
 * in the store over several offices, and how much JavaScript the console loads first. Each
 * timing comes with a same-run baseline (the /health round trip through the same server, same
 * inject path) and the ratio to it, so a slow machine shows as a slow baseline, not as a
 * regression. The last line is one JSON object.
 *
 * The server is the real Fastify app (`buildServer`) on a SQLite file, called through
 * `app.inject` (the whole route: session check, validation, query, serialisation; no socket).
 * Seeding goes through the store with `synchronous = OFF` (a bench database, thrown away after).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { CONSOLE_DIST_DIR } from '../backoffice/console/paths';
import { buildServer } from '../backoffice/src/server';
import { createStaffAccount } from '../backoffice/src/service/staffAccounts';
import { openSqliteStore } from '../backoffice/src/store/sqliteStore';
import { QUEUE_IDS } from '../src/domain/console/queues';
import { toQueryString } from '../src/domain/console/paging';
import { consolePath } from '../src/domain/console/routes';
import { SESSION_COOKIE } from '../src/domain/console/session';
import { API_PREFIX } from '../src/domain/syncProtocol';
import { measureCertificates } from './certificates';
import { seedOffices, type SeededRequest } from './console/seedOffices';
import { percentile, round } from './stats';
import { initialJsGzipKB } from './ui/bundleSize';

const TOTAL = Number(process.env.BENCH_CONSOLE_REQUESTS ?? 100_000);
const OFFICES = 4;
const CALLS = 200;
const LIMITS = { queueP95Ms: 50, searchP95Ms: 30, consoleInitialJsGzipKB: 200, issueP95Ms: 300, verifyPerSecondAtLeast: 5_000 };

async function timed(calls: number, call: (index: number) => Promise<void>): Promise<number[]> {
  // A few calls first: the first queries compile statements and warm SQLite's page cache.
  for (let index = 0; index < 10; index++) await call(index);
  const times: number[] = [];
  for (let index = 0; index < calls; index++) {
    const start = performance.now();
    await call(index);
    times.push(performance.now() - start);
  }
  return times;
}

async function expectOk(app: FastifyInstance, url: string, cookie: string): Promise<void> {
  const answer = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}: ${answer.body.slice(0, 200)}`);
}

async function signIn(app: FastifyInstance, code: string): Promise<string> {
  const answer = await app.inject({ method: 'POST', url: consolePath('activate'), payload: { code, password: 'bench password of the office' } });
  const cookie = [answer.headers['set-cookie']].flat().find((header) => header?.startsWith(`${SESSION_COOKIE}=`));
  if (answer.statusCode !== 200 || !cookie) throw new Error(`bench sign-in failed: ${answer.statusCode} ${answer.body.slice(0, 200)}`);
  return cookie.split(';')[0]!;
}

function searchTerm(sample: SeededRequest, index: number): string {
  switch (index % 3) {
    case 0:
      return sample.trackingCode;
    case 1:
      return sample.cin;
    default:
      return sample.lastNameLatin;
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-bench-console-'));
  const store = openSqliteStore(join(dataDir, 'backoffice.sqlite'));
  try {
    const seedStart = performance.now();
    store.db.pragma('synchronous = OFF');
    const seeded = await seedOffices(store, { total: TOTAL, offices: OFFICES, now: new Date() });
    store.db.pragma('synchronous = FULL');
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const app = buildServer({ store, rateLimit: false });
    await app.ready();
    const officeId = seeded.officeIds[0]!;
    const staff = await createStaffAccount(store, { officeId, role: 'agent', name: 'Bench Agent' }, new Date());
    const cookie = await signIn(app, staff.code);
    const samples = seeded.samples.filter((sample) => sample.officeId === officeId);

    const health = await timed(CALLS, async () => {
      await app.inject({ method: 'GET', url: `${API_PREFIX}/health` });
    });
    // One queue page and its counts, as the queue page asks them; the queue and the order rotate.
    const queue = await timed(CALLS, async (index) => {
      const name = QUEUE_IDS[index % QUEUE_IDS.length]!;
      const paging = toQueryString({ offset: 0, limit: 25, order: index % 2 ? 'newest' : 'oldest' });
      await Promise.all([expectOk(app, `${consolePath('queue', { officeId, queue: name })}${paging}`, cookie), expectOk(app, consolePath('queueCounts', { officeId }), cookie)]);
    });
    const search = await timed(CALLS, async (index) => {
      const sample = samples[index % samples.length]!;
      await expectOk(app, `${consolePath('search', { officeId })}${toQueryString({ q: searchTerm(sample, index), limit: 25 })}`, cookie);
    });
    // Where the time goes, for whoever tunes the queries: counts alone, the page alone, each kind of search.
    const countsOnly = await timed(CALLS / 2, async () => expectOk(app, consolePath('queueCounts', { officeId }), cookie));
    const pageOnly = await timed(CALLS / 2, async (index) => {
      const name = QUEUE_IDS[index % QUEUE_IDS.length]!;
      await expectOk(app, `${consolePath('queue', { officeId, queue: name })}${toQueryString({ offset: 0, limit: 25, order: index % 2 ? 'newest' : 'oldest' })}`, cookie);
    });
    const searchBy = async (kind: number) =>
      percentile(
        await timed(CALLS / 4, async (index) => {
          const sample = samples[index % samples.length]!;
          await expectOk(app, `${consolePath('search', { officeId })}${toQueryString({ q: searchTerm(sample, kind), limit: 25 })}`, cookie);
        }),
        95,
      );
    const breakdown = {
      countsP95Ms: round(percentile(countsOnly, 95), 2),
      queuePageP95Ms: round(percentile(pageOnly, 95), 2),
      searchTrackingCodeP95Ms: round(await searchBy(0), 2),
      searchCinP95Ms: round(await searchBy(1), 2),
      searchNameP95Ms: round(await searchBy(2), 2),
    };
    await app.close();

    const bundle = await initialJsGzipKB(CONSOLE_DIST_DIR, '/console/');
    // Issuing and verifying certificates, measured by h9-certs' bench (each with its own baseline).
    const certificates = await measureCertificates();
    const healthP95Ms = percentile(health, 95);
    const queueP95Ms = percentile(queue, 95);
    const searchP95Ms = percentile(search, 95);
    const result = {
      bench: 'console',
      requests: TOTAL,
      offices: OFFICES,
      calls: CALLS,
      seedSeconds: round(seedSeconds, 1),
      baselineHealthP95Ms: round(healthP95Ms, 3),
      queueP95Ms: round(queueP95Ms, 2),
      queueRatio: round(queueP95Ms / healthP95Ms, 1),
      searchP95Ms: round(searchP95Ms, 2),
      searchRatio: round(searchP95Ms / healthP95Ms, 1),
      breakdown,
      consoleInitialJsGzipKB: round(bundle.kb, 1),
      consoleInitialJsFiles: bundle.files,
      issueP95Ms: certificates.issueP95Ms,
      issueOverBlankPdf: certificates.issueOverBlankPdf,
      verifyPerSecond: certificates.verifyPerSecond,
      verifyShareOfBare: certificates.verifyShareOfBare,
      certificates,
      limits: LIMITS,
      withinLimits:
        queueP95Ms <= LIMITS.queueP95Ms &&
        searchP95Ms <= LIMITS.searchP95Ms &&
        bundle.kb <= LIMITS.consoleInitialJsGzipKB &&
        certificates.issueP95Ms <= LIMITS.issueP95Ms &&
        certificates.verifyPerSecond >= LIMITS.verifyPerSecondAtLeast,
    };
    console.log(`seeded ${TOTAL} requests over ${OFFICES} offices in ${result.seedSeconds} s`);
    console.log(`queue page + counts p95 ${result.queueP95Ms} ms, search p95 ${result.searchP95Ms} ms, /health p95 ${result.baselineHealthP95Ms} ms`);
    console.log(JSON.stringify(result));
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
