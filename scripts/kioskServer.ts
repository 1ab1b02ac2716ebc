import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { kioskSecurityHeaders } from './kioskHeaders';

/** What the page reads from `./kiosk-config.json` at start-up (docs/TEAM-CONTRACTS.md). */
export interface KioskConfig {
  backofficeUrl?: string;
  demoEnrolmentCode?: string;
  officeName?: string;
}

export interface KioskServerOptions {
  /** The built renderer (`vite build` output). */
  distDir: string;
  config: KioskConfig;
  host?: string;
  /** 0 or absent: any free port. */
  port?: number;
}

export interface RunningKioskServer {
  /** With a trailing slash, e.g. http://127.0.0.1:5180/ */
  url: string;
  close(): Promise<void>;
}

export class MissingBuildError extends Error {
  constructor(distDir: string) {
    super(`The kiosk is not built: ${path.join(distDir, 'index.html')} is missing. Run \`npm run build:web\` first.`);
    this.name = 'MissingBuildError';
  }
}

/**
 * Serves the built kiosk page on loopback with its security headers, plus the generated
 * kiosk-config.json. The config is answered from memory rather than written into dist/, so
 * a rebuild cannot wipe it and two servers (tests) can run side by side with different configs.
 */
export async function startKioskServer(options: KioskServerOptions): Promise<RunningKioskServer> {
  const distDir = path.resolve(options.distDir);
  if (!existsSync(path.join(distDir, 'index.html'))) throw new MissingBuildError(distDir);
  const headers = kioskSecurityHeaders(options.config.backofficeUrl);
  const configBody = JSON.stringify(options.config);

  const app = Fastify({ logger: false });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers);
    return payload;
  });
  app.get('/kiosk-config.json', async (_request, reply) => {
    // Never cached: a restart of `npm start` may hand the kiosk a new back office or code.
    reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
    return configBody;
  });
  await app.register(fastifyStatic, {
    root: distDir,
    index: 'index.html',
    dotfiles: 'deny',
    cacheControl: false,
    // Hashed assets are immutable; index.html must be revalidated so a new build is picked up.
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('kiosk server has no TCP address');
  return {
    url: `http://${host}:${address.port}/`,
    close: () => app.close(),
  };
}
