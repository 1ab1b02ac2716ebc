import type { FastifyInstance } from 'fastify';
import { CONSOLE_DIST_DIR } from '../../console/paths';
import { isHtml, registerSinglePageApp } from './singlePageApp';

export const CONSOLE_PATH = '/console/';

/**
 * The console's own policy: its scripts and styles from this origin only (no inline style either:
 * the console sets none), its API on this origin only (the cookie session is SameSite=Strict),
 * and never framed (no click-jacking of a chief's "issue certificate").
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built console at `/console/`. Not built (a back office run from the CLI before
 * `npm run build:web`): `/console/` answers 404 `console_not_built`.
 */
export function registerConsolePages(app: FastifyInstance, distDir: string = CONSOLE_DIST_DIR): void {
  registerSinglePageApp(app, {
    prefix: CONSOLE_PATH,
    distDir,
    csp: CONSOLE_CSP,
    notBuilt: { code: 'console_not_built', message: 'The console is not built: run `npm run build:web`.' },
    mustRevalidate: isHtml,
    // The first static root of the server: it owns reply.sendFile.
    decorateReply: true,
  });
}
