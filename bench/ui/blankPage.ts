import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const BLANK_ROOT = fileURLToPath(new URL('./blank/', import.meta.url));

/** Builds the blank React page (bench/ui/blank) with the kiosk's build settings into `outDir`. */
export async function buildBlankPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: BLANK_ROOT,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, sourcemap: false, target: 'chrome120', modulePreload: { polyfill: false } },
  });
}
