import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../backoffice/src/cli/run';
import { DATABASE_FILE, startBackoffice } from '../../backoffice/src/server';
import { writeSecretFile } from '../../backoffice/src/store/dataFiles';

/** Issue 12, "on the tablet and at rest": the back office's folder is 0700 and its files 0600, whatever the umask. */

let root: string;
let umask: number;
afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

function permissiveUmask(): void {
  umask = process.umask(0o000);
}

describe('modes of the data folder and its files', () => {
  it('creates the folder 0700 and the database with its WAL files 0600 when serving', async () => {
    root = mkdtempSync(join(tmpdir(), 'shubbak-modes-'));
    permissiveUmask();
    const dataDir = join(root, 'data');
    const server = await startBackoffice({ dataDir, port: 0, host: '127.0.0.1' });
    await fetch(`${server.url}/api/v1/health`);
    const files = readdirSync(dataDir);
    expect(files).toContain(DATABASE_FILE);
    expect(mode(dataDir)).toBe(0o700);
    // Folders inside it (signing keys, …) are 0700 like it; every file is 0600.
    for (const file of files) {
      const path = join(dataDir, file);
      expect([file, mode(path)]).toEqual([file, statSync(path).isDirectory() ? 0o700 : 0o600]);
    }
    await server.close();
  });

  it('tightens a folder and a database left readable by everyone, when a CLI command opens them', async () => {
    root = mkdtempSync(join(tmpdir(), 'shubbak-modes-'));
    permissiveUmask();
    const dataDir = join(root, 'data');
    await runCli(['create-office', '--id', 'north', '--name', 'North', '--data', dataDir], { stdout: () => undefined, stderr: () => undefined, env: {} });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    await runCli(['list-devices', '--data', dataDir], { stdout: () => undefined, stderr: () => undefined, env: {} });
    expect([mode(dataDir), mode(join(dataDir, DATABASE_FILE))]).toEqual([0o700, 0o600]);
  });

  it('writes key files 0600 from the start', () => {
    root = mkdtempSync(join(tmpdir(), 'shubbak-modes-'));
    permissiveUmask();
    writeFileSync(join(root, 'probe'), '');
    expect(mode(join(root, 'probe'))).toBe(0o666);
    const file = writeSecretFile(join(root, 'keys'), 'signing.key', 'secret');
    expect([mode(join(root, 'keys')), mode(file)]).toEqual([0o700, 0o600]);
  });
});

describe('backups', () => {
  it('writes a backup 0600 in a new 0700 folder', async () => {
    root = mkdtempSync(join(tmpdir(), 'shubbak-modes-'));
    permissiveUmask();
    const { backupDatabase } = await import('../../scripts/backupBackoffice');
    const dataDir = join(root, 'data');
    await runCli(['create-office', '--id', 'north', '--name', 'North', '--data', dataDir], { stdout: () => undefined, stderr: () => undefined, env: {} });
    const copy = join(root, 'backups', 'copy.sqlite');
    await backupDatabase(join(dataDir, DATABASE_FILE), copy);
    expect([mode(join(root, 'backups')), mode(copy)]).toEqual([0o700, 0o600]);
  });
});
