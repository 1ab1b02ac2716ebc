import type { FastifyInstance } from 'fastify';
import { PORTAL_BASE, PORTAL_DIST_DIR } from '../../../portal/paths';
import { registerSinglePageApp } from './singlePageApp';

/**
 * The portal's policy: scripts, styles, fonts and the service worker from this origin only; the
 * QR code is a data: image; the API on this origin only; never framed. React sets styles through
 * the DOM (allowed), never through inline <style> or style="" markup.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Files a browser must ask for again at each visit: the page, the service worker and what decides its updates. */
function mustRevalidate(served: string): boolean {
  const filename = served.replace(/\.(?:br|gz)$/, '');
  return filename.endsWith('.html') || filename.endsWith('sw.js') || filename.endsWith('registerSW.js') || filename.endsWith('.webmanifest') || /workbox-[^/]*\.js$/.test(filename);
}

/**
 * Serves the built portal (dist-portal/) at `/portal/`, like the console at `/console/`. Not built
 * (`npm run build:portal` not run): `/portal/` answers 404 `portal_not_built`.
 */
export function registerPortalPages(app: FastifyInstance, distDir: string = PORTAL_DIST_DIR): void {
  registerSinglePageApp(app, {
    prefix: PORTAL_BASE,
    distDir,
    csp: PORTAL_CSP,
    notBuilt: { code: 'portal_not_built', message: 'The portal is not built: run `npm run build:portal`.' },
    mustRevalidate,
    // A second static root in the same server: the console's registration owns reply.sendFile.
    decorateReply: false,
    // The build writes .br and .gz beside each text file (portal/precompress.ts): sent to browsers
    // that accept them, with the original's type. A phone on a slow link gets the entry at a quarter of its size.
    preCompressed: true,
  });
}
