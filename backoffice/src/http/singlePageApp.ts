import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { errorBody } from './errors';

export interface SinglePageApp {
  /** Where it is served, with both slashes: `/console/`. The bare path (`/console`) redirects there. */
  prefix: string;
  /** The built app (index.html and its hashed assets). */
  distDir: string;
  /** Its Content-Security-Policy, sent with every file. */
  csp: string;
  /** The 404 answered under the prefix when the app was not built. */
  notBuilt: { code: string; message: string };
  /** Files a browser must ask for again at each visit; every other file is a hashed asset, cached for a year. */
  mustRevalidate: (filename: string) => boolean;
  /** Only the first static root of a server may decorate the reply with `sendFile`. */
  decorateReply: boolean;
  /** The build wrote `.br`/`.gz` beside each text file: send them to browsers that accept them. */
  preCompressed?: boolean;
}

/** The page and nothing else: a new build is seen at the next visit. */
export const isHtml = (filename: string): boolean => filename.endsWith('.html');

/**
 * Serves a built single-page app under its prefix, with its security headers and caching. When
 * the app was not built (a back office run from the CLI before the build), the prefix answers 404
 * with a code that says so: nothing is wrong with the server, the page is just not there.
 */
export function registerSinglePageApp(app: FastifyInstance, spa: SinglePageApp): void {
  app.get(spa.prefix.replace(/\/$/, ''), { config: { access: 'public' } }, async (_request, reply) => reply.redirect(spa.prefix, 301));
  if (!existsSync(spa.distDir)) {
    app.get(`${spa.prefix}*`, { config: { access: 'public' } }, async (_request, reply) => reply.status(404).send(errorBody(spa.notBuilt.code, spa.notBuilt.message)));
    return;
  }
  void app.register(fastifyStatic, {
    root: spa.distDir,
    prefix: spa.prefix,
    index: ['index.html'],
    decorateReply: spa.decorateReply,
    // Cache-Control is set below, per file.
    cacheControl: false,
    preCompressed: spa.preCompressed ?? false,
    setHeaders: (response, filename) => {
      if (spa.preCompressed) response.setHeader('Vary', 'Accept-Encoding');
      response.setHeader('Content-Security-Policy', spa.csp);
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Referrer-Policy', 'no-referrer');
      // Hashed assets never change; what must be revalidated is fetched again to see a new build.
      response.setHeader('Cache-Control', spa.mustRevalidate(filename) ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
}
