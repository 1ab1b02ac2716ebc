import { fileURLToPath } from 'node:url';

/** Where the portal's build goes: written by portal/vite.config.ts, served by the back office at /portal/. */
export const PORTAL_DIST_DIR = fileURLToPath(new URL('../dist-portal', import.meta.url));

/** The portal's path on the back office's origin: the service worker's scope and the manifest's start. */
export const PORTAL_BASE = '/portal/';
