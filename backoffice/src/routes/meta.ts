import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX } from '../../../src/domain/syncProtocol';
import type { healthResponseSchema } from '../http/schemas';
import { buildOpenApiDocument } from '../openapi/document';
import type { RouteDeps } from './deps';

export function registerMetaRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // Not rate-limited: supervisors, scripts and test harnesses poll it, and it touches nothing.
  app.get(`${API_PREFIX}/health`, { config: { access: 'public', rateLimit: false } }, async (): Promise<z.infer<typeof healthResponseSchema>> => ({
    status: 'ok',
    time: deps.now().toISOString(),
  }));
  const document = buildOpenApiDocument();
  app.get(`${API_PREFIX}/openapi.json`, { config: { access: 'public' } }, async () => document);
}
