import type { FastifyInstance } from 'fastify';
import type { OfficeIdentityResponse } from '../../../src/domain/officeIdentity';
import { API_PREFIX } from '../../../src/domain/syncProtocol';
import { deviceOf } from '../http/auth';
import { catalogueQuerySchema } from '../http/schemas';
import { parseOr400 } from '../http/validate';
import type { RouteDeps } from './deps';

/** The office's names and logo when newer than the kiosk's `since` version, else `null`: pulled like the catalogue. */
export function registerOfficeIdentityRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(`${API_PREFIX}/office-identity`, { config: { access: 'device' } }, async (request): Promise<OfficeIdentityResponse> => {
    const { officeId } = deviceOf(request);
    // Same query as the catalogue's: an optional version number.
    const query = parseOr400(catalogueQuerySchema, request.query, 'invalid_query');
    const identity = await deps.store.getOfficeIdentity(officeId);
    const newer = identity !== null && (query.since === undefined || identity.version > query.since);
    return { identity: newer ? identity : null };
  });
}
