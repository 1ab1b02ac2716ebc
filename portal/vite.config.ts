import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { PORTAL_BASE, PORTAL_DIST_DIR } from './paths';
import { precompress } from './precompress';

/**
 * The citizens' portal: its own entry, built into its own folder (dist-portal/) and served by the
 * back office at `/portal/`. It imports the kiosk's domain, i18n, storage and sync code, but none
 * of the kiosk's shell (supervisor, attract screen, on-screen keyboard, idle wipe).
 *
 * Installable and offline: vite-plugin-pwa writes the manifest and a Workbox service worker that
 * precaches the shell (HTML, scripts, styles, fonts, icons, locales, pictograms), so the portal
 * opens with no network; API calls are never cached (they go to the network or fail, and the
 * outbox keeps what was not sent).
 */
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: PORTAL_BASE,
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by the app once its first screen is drawn (portal/src/app/serviceWorker.ts), not
      // at the page's load event: the precache would compete with the first screen on a slow phone.
      injectRegister: null,
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: PORTAL_BASE,
        name: 'Shubbak — شباك',
        short_name: 'Shubbak',
        description: 'Demandes de documents administratifs · طلب الوثائق الإدارية',
        lang: 'ar',
        start_url: PORTAL_BASE,
        scope: PORTAL_BASE,
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b5d3b',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          // Drawn inside the central safe zone, so the same image serves as the maskable icon.
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,json}'],
        navigateFallback: `${PORTAL_BASE}index.html`,
        navigateFallbackAllowlist: [/^\/portal\//],
        // The API is never answered from a cache: a stale "my requests" or a replayed push would lie.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled as soon as the worker is active: a citizen who
        // signs in and loses the network before any reload still keeps the shell and its chunks.
        clientsClaim: true,
        skipWaiting: true,
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
    precompress(PORTAL_DIST_DIR),
  ],
  build: {
    outDir: PORTAL_DIST_DIR,
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    modulePreload: { polyfill: false },
  },
});
