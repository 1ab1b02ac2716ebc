// Bundles the Electron main process and the preload into dist-electron/ (CommonJS, as Electron
// loads them), with the out-of-order page beside them. `electron` stays external: it is the
// runtime, not a dependency. Usage: node scripts/build-electron.mjs [outdir]
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.resolve(root, process.argv[2] ?? 'dist-electron');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await mkdir(outdir, { recursive: true });
await Promise.all([
  build({ ...shared, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(outdir, 'main.cjs') }),
  // A sandboxed preload may only require('electron'): everything else is bundled in.
  build({ ...shared, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(outdir, 'preload.cjs') }),
]);
await cp(path.join(root, 'electron/static'), path.join(outdir, 'static'), { recursive: true });
process.stdout.write(`electron: main.cjs, preload.cjs and static/ written to ${path.relative(root, outdir) || '.'}\n`);
