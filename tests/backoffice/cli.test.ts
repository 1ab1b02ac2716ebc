import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../backoffice/src/cli/run';
import { logLevelSetting } from '../../backoffice/src/cli/serveCommand';
import { buildServer, DATABASE_FILE } from '../../backoffice/src/server';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { enrolResponseSchema } from '../../src/domain/syncProtocol';
import { makeRequest, testCatalogue } from './fixtures';

let dir: string;
let catalogueFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shubbak-cli-'));
  catalogueFile = join(dir, 'catalogue.json');
  writeFileSync(catalogueFile, JSON.stringify(testCatalogue()));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env: { SHUBBAK_DATA_DIR: dir, SHUBBAK_DEFAULT_CATALOGUE: catalogueFile },
  };
  return { code: await runCli(argv, io), out, err };
}

async function withStore<T>(read: (store: ReturnType<typeof openSqliteStore>) => T | Promise<T>): Promise<T> {
  const store = openSqliteStore(join(dir, DATABASE_FILE));
  try {
    return await read(store);
  } finally {
    store.close();
  }
}

describe('back office commands', () => {
  it('creates an office with the default catalogue as version 1, once', async () => {
    expect((await cli('create-office', '--id', 'berkane-1', '--name', 'Annexe Berkane 1')).code).toBe(0);
    const again = await cli('create-office', '--id', 'berkane-1', '--name', 'Annexe Berkane 1');
    expect(again.out.at(-1)).toBe('Office berkane-1 already exists');
    expect(await withStore((s) => s.db.prepare('SELECT version FROM catalogue_versions').pluck().all())).toEqual([1]);
  });

  it('prints a one-time enrolment code for an existing office, and refuses an unknown office', async () => {
    await cli('create-office', '--id', 'north', '--name', 'North');
    const { code, out } = await cli('enrol-code', '--office', 'north');
    expect([code, out.at(-1)]).toEqual([0, expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)]);
    const unknown = await cli('enrol-code', '--office', 'nowhere');
    expect([unknown.code, unknown.err[0]]).toEqual([2, expect.stringContaining('no office "nowhere"')]);
  });

  it('sets up the demo office idempotently, with a fresh code on the last line each time', async () => {
    const first = await cli('demo-setup');
    const second = await cli('demo-setup');
    expect(first.out.at(-1)).not.toBe(second.out.at(-1));
    expect(second.out.at(-1)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await withStore((s) => s.db.prepare('SELECT name FROM offices').pluck().all())).toEqual(['DEMO — Annexe de démonstration']);
  });

  it('seeds the demo office from the shipped default catalogue', async () => {
    const out: string[] = [];
    const io: CliIo = { stdout: (line) => out.push(line), stderr: (line) => out.push(line), env: { SHUBBAK_DATA_DIR: dir } };
    expect(await runCli(['demo-setup'], io)).toBe(0);
    const services = await withStore(async (s) => (await s.getCatalogue('demo'))?.services.map((service) => service.id));
    expect(services).toEqual(expect.arrayContaining(['residence', 'life', 'birth_extract']));
  });

  it('imports a catalogue as the next version and refuses an invalid file', async () => {
    await cli('create-office', '--id', 'north', '--name', 'North');
    expect((await cli('catalogue-import', '--office', 'north', catalogueFile)).out.at(-1)).toContain('catalogue version 2');
    writeFileSync(catalogueFile, JSON.stringify({ version: 1, services: [{ id: 'x' }] }));
    const bad = await cli('catalogue-import', '--office', 'north', catalogueFile);
    expect([bad.code, bad.err[0]]).toEqual([1, expect.stringContaining('is not valid')]);
  });

  it('sets a status, refusing an impossible transition with a clear message', async () => {
    await cli('create-office', '--id', 'north', '--name', 'North');
    const trackingCode = await withStore(async (store) => {
      store.db.prepare("INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('d', 'north', 'k', 'h', 'KPX', 'now')").run();
      const request = makeRequest('KPX', 1);
      await store.pushRequests({ deviceId: 'd', officeId: 'north', receivedAt: 'now', kioskSeqs: [1], items: [{ request, canonical: '{}' }] });
      return request.trackingCode;
    });
    expect((await cli('set-status', trackingCode, 'inReview')).out.at(-1)).toBe(`${trackingCode} is now inReview (change 2)`);
    const wrong = await cli('set-status', trackingCode, 'collected');
    expect([wrong.code, wrong.err[0]]).toEqual([2, expect.stringContaining('cannot become collected')]);
    expect((await cli('set-status', trackingCode, 'refused')).err[0]).toContain('needs a reason');
    expect((await cli('set-status', trackingCode, 'refused', '--reason-code', 'bad')).err[0]).toContain('--reason-code must be one of');
    expect((await cli('set-status', trackingCode, 'refused', '--reason', 'Pièce manquante')).code).toBe(0);
    expect((await cli('set-status', trackingCode, 'finished')).err[0]).toContain('status must be one of');
  });

  it('adds a staff member with a one-time activation code on the last line, and resets and revokes them', async () => {
    await cli('create-office', '--id', 'north', '--name', 'North');
    const added = await cli('add-staff', '--office', 'north', '--role', 'chief', '--name', 'Amina El Idrissi');
    expect(added.code).toBe(0);
    expect(added.out[0]).toBe('Staff Amina El Idrissi (chief at north), login: amina.el.idrissi');
    expect(added.out.at(-1)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await withStore((store) => JSON.stringify(store.db.prepare('SELECT * FROM staff_accounts').all()))).not.toContain(added.out.at(-1));
    expect((await cli('list-staff', '--office', 'north')).out).toEqual(['amina.el.idrissi  chief  "Amina El Idrissi"  awaiting activation']);
    expect((await cli('add-staff', '--office', 'north', '--role', 'boss', '--name', 'X')).err[0]).toContain('--role must be one of agent, chief, admin');
    const reset = await cli('reset-password', 'amina.el.idrissi');
    expect(reset.out.at(-1)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(reset.out.at(-1)).not.toBe(added.out.at(-1));
    expect((await cli('revoke-staff', 'amina.el.idrissi')).out).toEqual(['Staff amina.el.idrissi revoked: their sessions have ended']);
    expect((await cli('revoke-staff', 'amina.el.idrissi')).code).toBe(2);
  });

  it('makes one demo account per role on the demo office, whose password signs in, and never shows it twice', async () => {
    await cli('demo-setup');
    const first = await cli('demo-staff');
    expect(first.out.map((line) => line.split(' ').slice(0, 2))).toEqual([
      ['demo.agent', 'agent'],
      ['demo.chief', 'chief'],
      ['demo.admin', 'admin'],
    ]);
    expect((await cli('demo-staff')).out).toEqual([]);
    const [login, , password] = first.out[1]!.split(' ');
    const status = await withStore(async (store) => {
      const app = buildServer({ store, rateLimit: false });
      const response = await app.inject({ method: 'POST', url: '/api/v1/console/session/login', payload: { login, password } });
      await app.close();
      return [response.statusCode, response.json().offices];
    });
    expect(status).toEqual([200, [{ officeId: 'demo', officeName: 'DEMO — Annexe de démonstration', role: 'chief' }]]);
  });

  it('gives one person roles in two offices', async () => {
    await cli('create-office', '--id', 'north', '--name', 'North');
    await cli('create-office', '--id', 'south', '--name', 'South');
    await cli('add-staff', '--office', 'north', '--role', 'agent', '--name', 'Said', '--login', 'said');
    expect((await cli('grant-role', '--office', 'south', '--role', 'admin', 'said')).out).toEqual(['said is now admin at south']);
    expect((await cli('list-staff', '--office', 'south')).out[0]).toMatch(/^said {2}admin/);
  });

  it('lists kiosks with their sequence counters and revokes one', async () => {
    await cli('create-office', '--id', 'north', '--name', 'North');
    expect((await cli('list-devices')).out).toEqual(['No kiosk enrolled']);
    await withStore((store) =>
      store.db.prepare("INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('dev-1', 'north', 'Hall', 'h', 'KPX', 'now')").run(),
    );
    expect((await cli('list-devices', '--office', 'north')).out[0]).toMatch(/^dev-1 {2}north {2}KPX {2}"Hall" {2}active {2}kioskSeq 0/);
    expect((await cli('revoke-device', 'dev-1')).out.at(-1)).toContain('revoked');
    expect((await cli('list-devices')).out[0]).toContain('revoked');
    expect((await cli('revoke-device', 'ghost')).err[0]).toContain('no device "ghost"');
  });

  it('prints the OpenAPI document without touching any data', async () => {
    const { code, out } = await cli('openapi', '--data', join(dir, 'never-created'));
    expect([code, JSON.parse(out.join('\n')).openapi]).toEqual([0, '3.1.0']);
  });

  it('refuses unknown commands and options with the usage', async () => {
    expect((await cli('launch-rockets')).err[0]).toContain('Usage:');
    expect((await cli('enrol-code', '--colour', 'red')).code).toBe(2);
  });

  it.each(['fast', '0', '1.5'])('refuses the rate limit %s', async (limit) => {
    const result = await cli('serve', '--port', '0', '--rate-limit', limit);
    expect([result.code, result.err[0]]).toEqual([2, expect.stringContaining('invalid rate limit')]);
  });

  it.each([
    ['1', 'info'],
    ['info', 'info'],
    ['OFF', 'silent'],
    ['', 'warn'],
    [undefined, 'warn'],
  ])('reads SHUBBAK_LOG=%s as the log level %s', (setting, level) => {
    expect(logLevelSetting(setting)).toBe(level);
  });

  it('serves with SHUBBAK_LOG=1 (every request logged)', async () => {
    const code = await runCli(['serve', '--port', '0', '--data', dir], {
      stdout: () => undefined,
      stderr: () => undefined,
      env: { SHUBBAK_LOG: '1' },
      untilStopped: async (server) => {
        expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      },
    });
    expect(code).toBe(0);
  });

  it('refuses a SHUBBAK_LOG it does not know, saying which values it takes', async () => {
    const err: string[] = [];
    const code = await runCli(['serve', '--port', '0', '--data', dir], { stdout: () => undefined, stderr: (line) => err.push(line), env: { SHUBBAK_LOG: 'loud' } });
    expect([code, err[0]]).toEqual([2, expect.stringContaining('invalid SHUBBAK_LOG "loud" (one of fatal, error, warn, info, debug, trace, silent, or 1 / 0)')]);
  });

  it('serves until told to stop, printing where it listens', async () => {
    const out: string[] = [];
    let url = '';
    const code = await runCli(['serve', '--port', '0', '--data', dir, '--rate-limit', 'off'], {
      stdout: (line) => out.push(line),
      stderr: () => undefined,
      env: {},
      untilStopped: async (server) => {
        url = server.url;
        expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      },
    });
    expect(code).toBe(0);
    expect(out).toEqual([`Back office listening on ${url}`]);
  });
});

describe('the real CLI', () => {
  it('sets up the demo office, serves, enrols a kiosk and stops cleanly on SIGTERM', async () => {
    const env = { ...process.env, SHUBBAK_DATA_DIR: dir, SHUBBAK_DEFAULT_CATALOGUE: catalogueFile };
    // One process (node with tsx's loader), as scripts/backofficeProcess.ts runs it: the `tsx` binary would put
    // a relaying parent between the signal and the server.
    const run = (args: string[]) =>
      spawn(process.execPath, ['--import', 'tsx', 'backoffice/src/cli.ts', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });

    const setup = run(['demo-setup']);
    const setupLines: string[] = [];
    for await (const line of createInterface({ input: setup.stdout })) setupLines.push(line);
    const code = setupLines.at(-1)!;

    const server = run(['serve', '--port', '0']);
    const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
    const ready = (await lines.next()).value as string;
    const url = /^Back office listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(ready)?.[1];
    expect(url).toBeDefined();

    const response = await fetch(`${url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, kioskLabel: 'Spawned kiosk' }),
    });
    expect(enrolResponseSchema.parse(await response.json()).officeId).toBe('demo');

    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
