import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../backoffice/src/cli/run';
import { DATABASE_FILE } from '../../backoffice/src/server';
import { openSqliteStore } from '../../backoffice/src/store/sqliteStore';
import { canonicalRequestJson } from '../../src/domain/request';
import { makeRequest, testCatalogue } from './fixtures';

const OPERATIONS = readFileSync(join(import.meta.dirname, '../../docs/operations.md'), 'utf8');

/** The `npm run backoffice -- <command>` lines of one section's code blocks, split as a shell would. */
function commandsOf(section: string): string[][] {
  const body = OPERATIONS.split(/^## /m).find((part) => part.startsWith(section)) ?? '';
  const blocks = [...body.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
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
});
