import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONSOLE_DIST_DIR } from './paths';

/**
 * The office console: its own entry, built into its own folder and served by the back office at
 * `/console/`. A separate build from the kiosk's (vite.config.ts), so nothing of the console can
 * end up in the kiosk's bundle, and the kiosk's offline constraints do not bind the console.
 */
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: CONSOLE_DIST_DIR,
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    modulePreload: { polyfill: false },
  },
});
