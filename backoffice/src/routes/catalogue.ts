import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX, type catalogueResponseSchema } from '../../../src/domain/syncProtocol';
import { deviceOf } from '../http/auth';
import { catalogueQuerySchema } from '../http/schemas';
import { parseOr400 } from '../http/validate';
import type { RouteDeps } from './deps';

/** The office's catalogue when it is newer than the kiosk's `since` version, else `null`. */
export function registerCatalogueRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(
    `${API_PREFIX}/catalogue`,
    { config: { access: 'device' } },
    async (request): Promise<z.infer<typeof catalogueResponseSchema>> => {
      const { officeId } = deviceOf(request);
      const query = parseOr400(catalogueQuerySchema, request.query, 'invalid_query');
      const catalogue = await deps.store.getCatalogue(officeId);
      const newer = catalogue !== null && (query.since === undefined || catalogue.version > query.since);
      return { catalogue: newer ? catalogue : null };
    },
  );
}
