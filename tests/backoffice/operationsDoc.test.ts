import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../backoffice/src/cli/run';
import { DATABASE_FILE } from '../../backoffice/src/server';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { canonicalRequestJson } from '../../src/domain/request';
import { makeRequest, testCatalogue } from './fixtures';

const OPERATIONS = readFileSync(join(import.meta.dirname, '../../docs/operations.md'), 'utf8');

/**
 * The `npm run backoffice -- <command>` lines of one section's code blocks, split as a shell would
 * (a line ending in a backslash goes on, `#` starts a comment).
 */
function commandsOf(section: string): string[][] {
  const body = OPERATIONS.split(/^## /m).find((part) => part.startsWith(section)) ?? '';
  const blocks = [...body.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks
    .flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, ''))
    .filter((line) => line.startsWith('npm run backoffice -- '))
    .map((line) => [...line.slice('npm run backoffice -- '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? ''));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shubbak-ops-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(out: string[], err: string[]): CliIo {
  return { stdout: (line) => out.push(line), stderr: (line) => err.push(line), env: { SHUBBAK_DATA_DIR: dir } };
}

describe('docs/operations.md, run as written', () => {
  it('"Set the status of a request": every example succeeds on new requests', async () => {
    const commands = commandsOf('Set the status of a request');
    expect(commands.length).toBeGreaterThan(1);
    // Two new requests as a kiosk pushes them, with the codes the page uses.
    const store = openSqliteStore(join(dir, DATABASE_FILE));
    await store.createOffice({ id: 'north', name: 'North', createdAt: 't' });
    await store.importCatalogue('north', testCatalogue(), 't');
    store.db.prepare("INSERT INTO devices (id, office_id, label, token_hash, tracking_prefix, enrolled_at) VALUES ('d', 'north', 'k', 'h', 'K7Q', 't')").run();
    const requests = [makeRequest('K7Q', 42), makeRequest('K7Q', 43)];
    const outcomes = await store.pushRequests({
      deviceId: 'd',
      officeId: 'north',
      receivedAt: '2026-11-28T10:00:00.000Z',
      kioskSeqs: requests.map((request) => request.kioskSeq),
      items: requests.map((request) => ({ request, canonical: canonicalRequestJson(request) })),
    });
    expect(outcomes).toEqual(['accepted', 'accepted']);
    store.close();

    for (const argv of commands) {
      const out: string[] = [];
      const err: string[] = [];
      expect({ argv, code: await runCli(argv, io(out, err)), err }).toEqual({ argv, code: 0, err: [] });
    }
  });

  /** Runs each command as written, in the data folder as the working directory (for the files they name); every one must succeed. */
  async function runAsWritten(commands: string[][]): Promise<string[]> {
    const out: string[] = [];
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const argv of commands) {
        const err: string[] = [];
        expect({ argv, code: await runCli(argv, io(out, err)), err }).toEqual({ argv, code: 0, err: [] });
      }
    } finally {
      process.chdir(cwd);
    }
    return out;
  }

  it('"Create an office and enrol a kiosk": the commands in its steps succeed', async () => {
    const body = OPERATIONS.split(/^## /m).find((part) => part.startsWith('Create an office and enrol a kiosk')) ?? '';
    const inline = [...body.matchAll(/`npm run backoffice -- ([^`]+)`/g)].map((match) => [...(match[1] ?? '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? ''));
    const steps = inline.filter((argv) => argv[0] === 'create-office' || (argv[0] === 'enrol-code' && argv.includes('berkane-annexe-3')));
    expect(steps.map((argv) => argv[0])).toEqual(['create-office', 'enrol-code']);
    const out = await runAsWritten(steps);
    expect(out.at(-1)).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });

  it('"Staff accounts of the office console": every example succeeds once the two offices exist', async () => {
    const commands = commandsOf('Staff accounts of the office console');
    expect(commands.map((argv) => argv[0])).toEqual(['add-staff', 'grant-role', 'list-staff', 'reset-password', 'revoke-staff']);
    const offices = ['annexe-3', 'annexe-4'].map((id) => ['create-office', '--id', id, '--name', `Annexe ${id}`]);
    await runAsWritten([...offices, ...commands]);
  });

  it('"Set the office\'s name and logo" then "Set the streets": succeed as written, with the files they name', async () => {
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><circle cx="48" cy="48" r="40"/></svg>');
    writeFileSync(join(dir, 'streets.txt'), '# The annex\'s streets\nRue Atlas;زنقة الأطلس\n\nAvenue Mohammed V;شارع محمد الخامس\n');
    const identity = commandsOf("Set the office's name and logo on its kiosks");
    const streets = commandsOf('Set the streets of the office');
    expect([...identity, ...streets].map((argv) => argv[0])).toEqual(['set-office-identity', 'set-office-streets']);
    const out = await runAsWritten([['create-office', '--id', 'berkane-2', '--name', 'Annexe Berkane 2'], ...identity, ...streets]);
    expect(out.at(-1)).toMatch(/berkane-2: 2 streets/);
  });

  it('"Retention of personal data": the one-off purge succeeds as written', async () => {
    const commands = commandsOf('Retention of personal data').filter((argv) => argv[0] !== 'serve');
    expect(commands).toEqual([['purge', '--days', '90']]);
    await runAsWritten(commands);
  });
});
