/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstReadsScript } from './build/firstReadsScript';
import { startupPreloads } from './build/startupPreloads';
import { zodWithoutJsonSchema } from './build/zodWithoutJsonSchema';

/**
 * One config for the renderer build and the three test projects:
 * - unit: domain, machines, storage, sync, UI components (jsdom + fake-indexeddb);
 * - node: back office, Electron main-process modules, scripts (real Node, real SQLite);
 * - e2e: the built renderer in Debian's Chromium against a real back office on loopback.
 */
export default defineConfig({
  plugins: [react(), zodWithoutJsonSchema(), firstReadsScript(), startupPreloads()],
  // Relative asset URLs, so the same build loads from app:// in Electron and from any static server.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    // The libraries' chunk (below) is one on purpose: about 510 KB before gzip.
    chunkSizeWarningLimit: 600,
    // Chromium preloads modules natively: no polyfill in the start-up bundle.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries the first screen runs on, in one chunk next to the entry: left alone,
          // rolldown spreads them over small shared chunks (they are also used by chunks loaded
          // later), which compress worse and cost more requests at start-up.
          // xstate runs the machines, which arrive once the attract screen is up (src/app/SessionKiosk.tsx):
          // a group of its own, fetched with them.
          groups: [
            { name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next|zod)[\\/]/ },
            { name: 'xstate', test: /node_modules[\\/](xstate|@xstate|use-sync-external-store)[\\/]/ },
            // A language's citizen texts (src/i18n/localeBundles.ts) in one chunk: start-up fetches two
            // languages (the screens' and the French fallback), one request each instead of one per namespace.
            { name: citizenTextsChunk },
            // What src/startFirstReads.ts runs (the first reads, the translations' loader, Vite's preload
            // helper), in one chunk that imports nothing: the first reads then never wait for the libraries.
            // The domain modules the first screen imports in another: left alone, these were six small
            // shared chunks (one of them pulling zod in before the first reads), and HTTP/1.1's six
            // connections per host made the first boot's fourteen requests queue in three rounds.
            { name: 'startReads', priority: 1, test: /src[\\/](app[\\/]firstReads|i18n[\\/]localeBundles|storage[\\/](firstScreenRead|dbName|metaKeys|settingsKey)|domain[\\/]localeCodes)\.ts$|preload-helper/ },
            { name: 'shared', tags: ['$initial'], test: /src[\\/]domain[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/{domain,machines,storage,sync,ui,supervisor,platform,console,portal}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{backoffice,electron,scripts}/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/{e2e,fault}/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

/** `texts-<language>` for a language's citizen namespaces; the supervisor's and the portal's stay chunks of their own. */
function citizenTextsChunk(id: string): string | null {
  const match = /locales[\\/](\w+)[\\/](\w+)\.json$/.exec(id);
  return match && !['supervisor', 'portal'].includes(match[2]!) ? `texts-${match[1]}` : null;
}
