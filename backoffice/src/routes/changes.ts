import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type ChangesResponse } from '../../../src/domain/syncProtocol';
import { deviceOf } from '../http/auth';
import { changesQuerySchema } from '../http/schemas';
import { parseOr400 } from '../http/validate';
import type { RouteDeps } from './deps';

export const DEFAULT_CHANGES_LIMIT = 200;

/** Pull: status changes of the kiosk's office after `since`, ordered by the server's sequence. */
export function registerChangesRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(`${API_PREFIX}/changes`, { config: { access: 'device' } }, async (request): Promise<ChangesResponse> => {
    const { officeId } = deviceOf(request);
    const query = parseOr400(changesQuerySchema, request.query, 'invalid_query');
    const since = query.since ?? 0;
    const page = await deps.store.changesSince(officeId, since, query.limit ?? DEFAULT_CHANGES_LIMIT);
    const last = page.changes.at(-1)?.seq;
    // With nothing more to read, every sequence up to highWater has been seen (writers are serialised),
    // so the cursor jumps there. A `since` above highWater is kept as it is: the kiosk must notice the restore.
    const cursor = page.more && last !== undefined ? last : Math.max(since, page.highWater);
    return { changes: page.changes, cursor, more: page.more, highWater: page.highWater };
  });
}
