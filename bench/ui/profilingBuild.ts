import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../../tests/e2e/harness';

/**
 * The kiosk built as `vite build` builds it, into `outDir`, with two changes for diagnosis only:
 * react-dom's profiling build (commits carry `actualDuration`) and no minification (component and
 * function names readable in render counts and CPU profiles). Never shipped.
 */
export async function buildProfilingKiosk(outDir: string): Promise<void> {
  await build({
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    root: REPO_ROOT,
    logLevel: 'warn',
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
    build: { outDir, emptyOutDir: true, minify: false },
  });
}
