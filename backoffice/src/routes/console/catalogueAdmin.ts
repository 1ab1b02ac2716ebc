import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { catalogueSchema, findService } from '../../../../src/domain/catalogue';
import {
  catalogueAdminView,
  serviceEditBodySchema,
  serviceEditSummary,
  withServiceEdit,
  type CatalogueAdmin,
} from '../../../../src/domain/console/catalogueAdmin';
import { CONSOLE_ROUTES } from '../../../../src/domain/console/routes';
import { officeOf, requireRole } from '../../http/consoleAuth';
import { parseOr400, parseOr404 } from '../../http/validate';
import { ApiError } from '../../service/apiError';
import { describeIssues } from '../../service/fieldErrors';
import { BODY_LIMITS } from '../deps';
import type { ConsoleDeps } from './deps';

const serviceParams = z.object({ serviceId: z.string().min(1).max(64) });

/**
 * An office's admin reads and edits the office's own catalogue; each edit is the office's next
 * catalogue version, which its kiosks pull (GET /catalogue?since=…). Another office's catalogue
 * is never reachable: the office comes from the caller's role, the service from that catalogue.
 */
export function registerConsoleCatalogueRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const { store } = deps;

  async function currentCatalogue(officeId: string) {
    const catalogue = await store.getCatalogue(officeId);
    if (!catalogue) throw new ApiError(404, 'not_found', 'This office has no catalogue yet.');
    return catalogue;
  }

  app.get(CONSOLE_ROUTES.catalogue.path, { config: { access: 'console' } }, async (request): Promise<CatalogueAdmin> => {
    const { officeId, role } = officeOf(request);
    requireRole(role, 'admin');
    return catalogueAdminView(await currentCatalogue(officeId));
  });

  app.post(
    CONSOLE_ROUTES.catalogueService.path,
    { bodyLimit: BODY_LIMITS.catalogueService, config: { access: 'console' } },
    async (request): Promise<CatalogueAdmin> => {
      const { caller, officeId, role } = officeOf(request);
      requireRole(role, 'admin');
      const { serviceId } = parseOr404(serviceParams, request.params);
      const catalogue = await currentCatalogue(officeId);
      const before = findService(catalogue, serviceId);
      if (!before) throw new ApiError(404, 'not_found', 'No such service in this office’s catalogue.');
      const edit = parseOr400(serviceEditBodySchema, request.body);
      if (edit.expectedVersion !== catalogue.version) throw new ApiError(409, 'version_conflict', 'The catalogue changed since you loaded it; reload it.');
      // The whole catalogue is checked again (certificate placeholders, ids), as an imported file is.
      const checked = catalogueSchema.safeParse(withServiceEdit(catalogue, serviceId, edit));
      if (!checked.success) throw new ApiError(400, 'invalid_body', describeIssues(checked.error));
      const now = deps.now().toISOString();
      const stored = await store.replaceCatalogue(officeId, checked.data, edit.expectedVersion, now);
      if (stored === 'version_conflict') throw new ApiError(409, 'version_conflict', 'The catalogue changed since you loaded it; reload it.');
      await store.appendStaffAudit({
        at: now,
        staffId: caller.account.id,
        officeId,
        action: 'catalogueServiceChanged',
        requestId: null,
        detail: `service ${serviceId} (${serviceEditSummary(before, edit)}): catalogue version ${catalogue.version} → ${stored.version}`,
      });
      return catalogueAdminView(stored);
    },
  );
}
