import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let outdir = '';

/** What a bundle still requires at run time: Electron supplies `electron`, Node its built-ins, nothing else exists. */
function requiredModules(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]!))].sort();
}

describe('scripts/build-electron.mjs', () => {
  beforeAll(async () => {
    outdir = await mkdtemp(path.join(tmpdir(), 'shubbak-electron-build-'));
    await promisify(execFile)(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), outdir], { cwd: root });
  });
  afterAll(async () => {
    await rm(outdir, { recursive: true, force: true });
  });

  it('bundles the main process so that it needs only electron and Node built-ins (no node_modules in the package)', async () => {
    const modules = requiredModules(await readFile(path.join(outdir, 'main.cjs'), 'utf8'));
    expect(modules).toContain('electron');
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect(modules.filter((name) => name !== 'electron' && !builtins.has(name))).toEqual([]);
  });

  it('bundles the sandboxed preload so that it requires electron alone', async () => {
    expect(requiredModules(await readFile(path.join(outdir, 'preload.cjs'), 'utf8'))).toEqual(['electron']);
  });

  it('puts the out-of-order page beside them, in the four languages', async () => {
    const page = await readFile(path.join(outdir, 'static/out-of-order.html'), 'utf8');
    for (const lang of ['ar', 'zgh', 'fr', 'en']) expect(page).toContain(`lang="${lang}"`);
    expect(page).not.toContain('<script');
  });
});
