import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, startBackoffice } from '../../backoffice/src/server';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { enrolResponseSchema } from '../../src/domain/syncProtocol';
import { makeRequest, testCatalogue } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shubbak-life-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI in ONE process (node with tsx's loader), so that SIGKILL reaches the server itself. */
function cliProcess(args: string[]) {
  const catalogue = join(dir, 'catalogue.json');
  writeFileSync(catalogue, JSON.stringify(testCatalogue()));
  const env = { ...process.env, SHUBBAK_DATA_DIR: dir, SHUBBAK_DEFAULT_CATALOGUE: catalogue };
  return spawn(process.execPath, ['--import', 'tsx', 'backoffice/src/cli.ts', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
}

async function lines(child: ReturnType<typeof cliProcess>): Promise<string[]> {
  const all: string[] = [];
  for await (const line of createInterface({ input: child.stdout! })) all.push(line);
  return all;
}

describe('a killed back office', () => {
  it('keeps every acknowledged batch and never half a batch after SIGKILL', async () => {
    const code = (await lines(cliProcess(['demo-setup']))).at(-1)!;
    const server = cliProcess(['serve', '--port', '0']);
    const output = createInterface({ input: server.stdout! })[Symbol.asyncIterator]();
    const url = /listening on (\S+)$/.exec((await output.next()).value as string)![1]!;
    const enrolled = await fetch(`${url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, kioskLabel: 'doomed' }),
    });
    const kiosk = enrolResponseSchema.parse(await enrolled.json());
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${kiosk.deviceToken}` };
    const BATCH = 200;
    const batch = (n: number) => Array.from({ length: BATCH }, (_, i) => makeRequest(kiosk.trackingPrefix, n * BATCH + i + 1));
    const push = (items: unknown[]) => fetch(`${url}/api/v1/requests/push`, { method: 'POST', headers, body: JSON.stringify({ items }) });

    const acknowledged = [batch(0), batch(1), batch(2)];
    for (const items of acknowledged) expect((await push(items)).status).toBe(200);
    const inFlight = push(batch(3)).catch(() => null);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await Promise.all([inFlight, exited]);

    const store = openSqliteStore(join(dir, DATABASE_FILE));
    const ids = new Set(store.db.prepare('SELECT id FROM requests').pluck().all() as string[]);
    const changes = store.db.prepare('SELECT COUNT(*) FROM status_changes').pluck().get();
    store.close();
    expect(acknowledged.flat().every((r) => ids.has(r.id))).toBe(true);
    expect([3 * BATCH, 4 * BATCH]).toContain(ids.size);
    expect(changes).toBe(ids.size);
  });
});

describe('a body that never finishes', () => {
  it('is cut when the connection goes quiet, and nothing is stored', async () => {
    const server = await startBackoffice({ dataDir: dir, port: 0, host: '127.0.0.1', timeouts: { connectionMs: 200, requestMs: 2_000 } });
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"code":');
    await closed;
    await server.close();
    const store = openSqliteStore(join(dir, DATABASE_FILE));
    expect((await store.stats()).devices).toBe(0);
    store.close();
  });
});
