import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../backoffice/src/cli/run';
import { buildServer } from '../../backoffice/src/server';
import { hashSecret, newToken } from '../../backoffice/src/service/secrets';
import { openStore } from '../../backoffice/src/store/openStore';
import { PostgresStore } from '../../backoffice/src/store/postgres/pgStore';
import type { Store } from '../../backoffice/src/store/types';
import { collectOutput, spawnBackofficeCli } from '../../scripts/backofficeProcess';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/throwawayPostgres';
import { changesResponseSchema, pushResponseSchema } from '../../src/domain/syncProtocol';
import { makeRequest, testCatalogue } from './fixtures';

/**
 * Several back-office instances on one PostgreSQL database: what must hold across them is held
 * by the database. Engine-specific (SQLite is served by one process), hence outside the contract suite.
 */
let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
}, 60_000);
afterAll(() => cluster?.stop());

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let schemas = 0;
const T0 = new Date().toISOString();

/**
 * A fresh database with the offices given (north alone by default; catalogue v1 each) and `kiosks`
 * enrolled kiosks, the i-th in office `offices[i % offices.length]`, whose bearer tokens are returned.
 */
async function seeded(
  kiosks: number,
  offices: readonly string[] = ['north'],
): Promise<{ url: string; devices: { id: string; officeId: string; trackingPrefix: string; token: string }[] }> {
  const url = await cluster.createSchema(`instances_${++schemas}`);
  const store = await openStore({ engine: 'postgres', url, poolSize: 2 });
  try {
    for (const office of offices) {
      await store.createOffice({ id: office, name: office, createdAt: T0 });
      await store.importCatalogue(office, testCatalogue(), T0);
    }
    const devices = [];
    for (let i = 0; i < kiosks; i++) {
      const token = newToken();
      const officeId = offices[i % offices.length]!;
      await store.createEnrolmentCode({ codeHash: hashSecret(`code-${i}`), officeId, createdAt: T0, expiresAt: '2099-01-01T00:00:00.000Z' });
      const outcome = await store.redeemEnrolmentCode({
        codeHash: hashSecret(`code-${i}`),
        now: T0,
        device: { id: `kiosk-${i}`, label: `Kiosk ${i}`, tokenHash: hashSecret(token) },
        prefixCandidates: ['KPA', 'KPB', 'KPC', 'KPD'],
      });
      if (!outcome.ok) throw new Error(outcome.reason);
      devices.push({ ...outcome.device, token });
    }
    return { url, devices };
  } finally {
    await store.close();
  }
}

async function instance(url: string, options: Parameters<typeof PostgresStore.open>[0] | null = null): Promise<Store> {
  const store = await PostgresStore.open(options ?? { url, poolSize: 4 });
  cleanups.push(() => store.close());
  return store;
}

type SeededDevice = Awaited<ReturnType<typeof seeded>>['devices'][number];

/**
 * Two instances on one database: `slow` stops inside a push's transaction, after its change is
 * written and before COMMIT, once `arm()` was called, until `release()`; `fast` pushes and serves
 * the kiosks' pulls meanwhile.
 */
async function heldPushRig(url: string) {
  let release!: () => void;
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const holding = new Promise<void>((resolve) => (reached = resolve));
  let armed = false;
  const slow = await instance(url, {
    url,
    poolSize: 2,
    faults: {
      beforePushCommit: async () => {
        if (!armed) return;
        reached();
        await held;
      },
    },
  });
  const fast = await instance(url);
  const reader = buildServer({ store: fast, rateLimit: false });
  cleanups.push(() => reader.close());
  return {
    slow,
    fast,
    arm: () => (armed = true),
    /** Resolves once the armed push is held. */
    holding,
    release,
    pull: async (kiosk: SeededDevice, since: number) => {
      const response = await reader.inject({ method: 'GET', url: `/api/v1/changes?since=${since}`, headers: { authorization: `Bearer ${kiosk.token}` } });
      return changesResponseSchema.parse(response.json());
    },
    batch: (kiosk: SeededDevice, seq: number) => {
      const request = makeRequest(kiosk.trackingPrefix, seq);
      return { request, input: { deviceId: kiosk.id, officeId: kiosk.officeId, receivedAt: T0, kioskSeqs: [seq], items: [{ request, canonical: JSON.stringify(request) }] } };
    },
  };
}

/** A back office in a process of its own on the database; resolves with its address. */
async function serveProcess(url: string): Promise<string> {
  const child: ChildProcess = spawnBackofficeCli(['serve', '--port', '0', '--rate-limit', 'off', '--database', url]);
  const output = collectOutput(child);
  cleanups.push(async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  });
  for (let waited = 0; waited < 300; waited++) {
    const address = /Back office listening on (\S+)/.exec(output.stdout())?.[1];
    if (address) return address;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the back office did not start:\n${output.stderr()}`);
}

describe('several back-office instances on one PostgreSQL database', () => {
  it('stores a batch once when two processes receive it at the same moment, and answers duplicate to the second', async () => {
    const { url, devices } = await seeded(1);
    const kiosk = devices[0]!;
    const [first, second] = await Promise.all([serveProcess(url), serveProcess(url)]);
    const push = async (base: string, items: unknown[]) => {
      const response = await fetch(`${base}/api/v1/requests/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
      });
      expect(response.status).toBe(200);
      return pushResponseSchema.parse(await response.json()).results.map((r) => r.outcome);
    };
    for (let round = 0; round < 10; round++) {
      const batch = [1, 2, 3, 4, 5].map((i) => makeRequest(kiosk.trackingPrefix, round * 5 + i));
      const [a, b] = await Promise.all([push(first, batch), push(second, batch)]);
      for (let i = 0; i < batch.length; i++) expect([a[i], b[i]].sort()).toEqual(['accepted', 'duplicate']);
    }
    const check = await instance(url);
    expect(await check.stats()).toMatchObject({ requests: 50, statusChanges: 50 });
  }, 60_000);

  it('never lets a kiosk skip a change that another instance commits late', async () => {
    const { url, devices } = await seeded(2);
    const [slowKiosk, fastKiosk] = devices as [SeededDevice, SeededDevice];
    const { slow, fast, arm, holding, release, pull, batch } = await heldPushRig(url);
    const before = await pull(fastKiosk, 0);

    arm();
    const late = batch(slowKiosk, 1);
    const latePush = slow.pushRequests(late.input);
    await holding;
    const early = batch(fastKiosk, 1);
    let earlySettled = false;
    const earlyPush = fast.pushRequests(early.input).finally(() => (earlySettled = true));
    // The kiosk pulls while the late change is written but not committed, and the early one wants to commit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = await pull(fastKiosk, before.cursor);
    expect(during.changes).toEqual([]);
    expect(earlySettled).toBe(false);

    release();
    expect(await latePush).toEqual(['accepted']);
    expect(await earlyPush).toEqual(['accepted']);
    const after = await pull(fastKiosk, during.cursor);
    expect(after.changes.map((c) => c.requestId)).toEqual([late.request.id, early.request.id]);
  }, 30_000);

  it("lets another office commit meanwhile, and still never lets a kiosk skip its own office's late change", async () => {
    const { url, devices } = await seeded(2, ['north', 'south']);
    const [northKiosk, southKiosk] = devices as [SeededDevice, SeededDevice];
    const { slow, fast, arm, holding, release, pull, batch } = await heldPushRig(url);
    const northBefore = await pull(northKiosk, 0);

    arm();
    const late = batch(northKiosk, 1);
    const latePush = slow.pushRequests(late.input);
    await holding;
    // Another office's push does not wait for north's lock: it commits while north's change is held.
    const other = batch(southKiosk, 1);
    expect(await fast.pushRequests(other.input)).toEqual(['accepted']);
    const southPage = await pull(southKiosk, 0);
    expect(southPage.changes.map((c) => c.requestId)).toEqual([other.request.id]);
    // North's kiosk sees south's higher number committed, but its cursor does not move past its own office's held change.
    const during = await pull(northKiosk, northBefore.cursor);
    expect([during.changes, during.cursor]).toEqual([[], northBefore.cursor]);

    release();
    expect(await latePush).toEqual(['accepted']);
    const after = await pull(northKiosk, during.cursor);
    expect(after.changes.map((c) => c.requestId)).toEqual([late.request.id]);
    expect(after.changes[0]!.seq).toBeLessThan(southPage.changes[0]!.seq);
  }, 30_000);

  it('holds a rate limit across instances: the allowance is one, not one per instance', async () => {
    const { url, devices } = await seeded(1);
    const apps = await Promise.all(
      [0, 1].map(async () => {
        const app = buildServer({ store: await instance(url), rateLimit: { max: 3, timeWindowMs: 60_000, enrolMax: 10 } });
        cleanups.push(() => app.close());
        return app;
      }),
    );
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const response = await apps[i % 2]!.inject({ method: 'GET', url: '/api/v1/changes?since=0', headers: { authorization: `Bearer ${devices[0]!.token}` } });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('runs N instances on one port with serve --workers, and stops them all on SIGTERM', async () => {
    const url = await cluster.createSchema(`instances_${++schemas}`);
    const child = spawnBackofficeCli(['serve', '--port', '0', '--workers', '2', '--database', url]);
    const output = collectOutput(child);
    const exited = once(child, 'exit');
    try {
      await expect.poll(() => /2 instances \(pid (\d+), (\d+)\)/.test(output.stdout()), { timeout: 30_000 }).toBe(true);
      const address = /Back office listening on (\S+)/.exec(output.stdout())![1]!;
      for (let i = 0; i < 4; i++) expect((await fetch(`${address}/api/v1/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  }, 60_000);

  it('fails at once, its other workers stopped, when a worker cannot start (instead of replacing it for ever)', async () => {
    const url = await cluster.createSchema(`instances_${++schemas}`);
    // The primary only migrates; each worker prepares the data folder, here under a plain file.
    const file = join(mkdtempSync(join(tmpdir(), 'shubbak-instances-')), 'a-file');
    writeFileSync(file, '');
    cleanups.push(async () => rmSync(dirname(file), { recursive: true, force: true }));
    const child = spawnBackofficeCli(['serve', '--port', '0', '--workers', '2', '--database', url, '--data', join(file, 'data')]);
    const output = collectOutput(child);
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(1);
    expect(output.stderr()).toContain('ENOTDIR');
    expect(output.stderr()).toContain('a worker exited before listening');
    expect(output.stdout()).not.toContain('Back office listening');
  }, 60_000);

  it('refuses a bad setting in the primary of --workers, before any worker starts', async () => {
    const out: string[] = [];
    const io = { stdout: (l: string) => out.push(l), stderr: (l: string) => out.push(l), env: { SHUBBAK_LOG: 'loud' } };
    const code = await runCli(['serve', '--workers', '2', '--port', '0', '--database', 'postgres://nobody@127.0.0.1:1/none'], io);
    expect(code).toBe(2);
    expect(out.join('\n')).toContain('invalid SHUBBAK_LOG');
  });

  it('refuses --workers on SQLite, whose file has one writer', async () => {
    const out: string[] = [];
    const code = await runCli(['serve', '--workers', '2', '--port', '0', '--database', ':memory:'], { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {} });
    expect(code).toBe(2);
    expect(out.join('\n')).toContain('--workers needs PostgreSQL');
  });

  it('migrates once when several instances start together', async () => {
    const url = await cluster.createSchema(`instances_${++schemas}`);
    const stores = await Promise.all([0, 1, 2, 3].map(() => instance(url)));
    expect(await stores[0]!.stats()).toEqual({ offices: 0, devices: 0, requests: 0, statusChanges: 0, auditEntries: 0 });
  });
});
