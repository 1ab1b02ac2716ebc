import { fileURLToPath } from 'node:url';

/** Where the console's build goes: written by backoffice/console/vite.config.ts, served by the back office. */
export const CONSOLE_DIST_DIR = fileURLToPath(new URL('../../dist-console', import.meta.url));
