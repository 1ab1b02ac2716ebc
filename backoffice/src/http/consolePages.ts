import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { CONSOLE_DIST_DIR } from '../../console/paths';
import { errorBody } from './errors';

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
 * Serves the built console at `/console/`. When the console was not built (a back office run
 * from the CLI before `npm run build:web`), `/console/` answers 404 with a code that says so:
 * nothing is wrong with the server, the page is just not there.
 */
export function registerConsolePages(app: FastifyInstance, distDir: string = CONSOLE_DIST_DIR): void {
  app.get('/console', { config: { access: 'public' } }, async (_request, reply) => reply.redirect(CONSOLE_PATH, 301));
  if (!existsSync(distDir)) {
    app.get(`${CONSOLE_PATH}*`, { config: { access: 'public' } }, async (_request, reply) =>
      reply.status(404).send(errorBody('console_not_built', 'The console is not built: run `npm run build:web`.')),
    );
    return;
  }
  void app.register(fastifyStatic, {
    root: distDir,
    prefix: CONSOLE_PATH,
    index: ['index.html'],
    // Cache-Control is set below, per file.
    cacheControl: false,
    // Hashed assets never change; index.html must be fetched again to see a new build.
    setHeaders: (response, filename) => {
      response.setHeader('Content-Security-Policy', CONSOLE_CSP);
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Referrer-Policy', 'no-referrer');
      response.setHeader('Cache-Control', filename.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
}
