import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { queueCountsSchema, queueIdSchema, queueQuerySchema, type QueueCounts } from '../../../../src/domain/console/queues';
import { assignBodySchema, checklistBodySchema, collectBodySchema, refuseBodySchema, releaseBodySchema, statusBodySchema } from '../../../../src/domain/console/requestActions';
import type { RequestDetail } from '../../../../src/domain/console/requestDetail';
import type { RequestPage } from '../../../../src/domain/console/requestRow';
import { CONSOLE_ROUTES } from '../../../../src/domain/console/routes';
import { searchQuerySchema } from '../../../../src/domain/console/search';
import { checkTrackingCode } from '../../../../src/domain/trackingCode';
import { officeOf } from '../../http/consoleAuth';
import { parseOr400, parseOr404 } from '../../http/validate';
import { toRequestRow } from '../../service/consoleRows';
import { findWorkRow, requestDetail, type PageContext } from '../../service/requestPage';
import { applyWork, type WorkAction } from '../../service/requestWork';
import { queryPrefixes, trackingCodeTerm } from '../../service/searchTerms';
import { BODY_LIMITS } from '../deps';
import type { ConsoleDeps } from './deps';

const DAY_MS = 24 * 60 * 60 * 1000;
const requestParams = z.object({ requestId: z.string().min(1).max(100) });
const queueParams = z.object({ queue: queueIdSchema });

/** Queues, search, the request page and its actions: always within the caller's office. */
export function registerConsoleRequestRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const { store } = deps;
  const read = { config: { access: 'console' as const } };
  const action = { bodyLimit: BODY_LIMITS.small, config: { access: 'console' as const } };

  function pageContext(request: FastifyRequest): PageContext & { officeId: string } {
    const { caller, officeId, role } = officeOf(request);
    return { store, certificates: deps.certificates, now: deps.now(), staffId: caller.account.id, role, officeId };
  }

  app.get(CONSOLE_ROUTES.queueCounts.path, read, async (request): Promise<QueueCounts> => {
    const { caller, officeId } = officeOf(request);
    return queueCountsSchema.parse(await store.queueCounts({ officeId, staffId: caller.account.id, now: deps.now().toISOString() }));
  });

  app.get(CONSOLE_ROUTES.queue.path, read, async (request): Promise<RequestPage> => {
    const { caller, officeId } = officeOf(request);
    const { queue } = parseOr404(queueParams, request.params);
    const query = parseOr400(queueQuerySchema, request.query, 'invalid_query');
    const page = await store.queuePage({ officeId, queue, staffId: caller.account.id, ...query });
    const now = deps.now();
    return { items: page.rows.map((row) => toRequestRow(row, now)), total: page.total, offset: query.offset, limit: query.limit };
  });

  app.get(CONSOLE_ROUTES.search.path, read, async (request): Promise<RequestPage> => {
    const { officeId } = officeOf(request);
    const query = parseOr400(searchQuerySchema, request.query, 'invalid_query');
    // A whole tracking code, typed with O for 0 or in lower case, is searched as itself.
    const code = checkTrackingCode(query.q);
    const prefixes = code.ok ? [trackingCodeTerm(code.code)] : queryPrefixes(query.q);
    const page = await store.searchRequests({
      officeId,
      prefixes,
      serviceId: query.serviceId,
      channel: query.channel,
      kioskId: query.kioskId,
      status: query.status,
      receivedFrom: query.from ? `${query.from}T00:00:00.000Z` : undefined,
      receivedBefore: query.to ? new Date(Date.parse(`${query.to}T00:00:00.000Z`) + DAY_MS).toISOString() : undefined,
      order: query.order,
      offset: query.offset,
      limit: query.limit,
    });
    const now = deps.now();
    return { items: page.rows.map((row) => toRequestRow(row, now)), total: page.total, offset: query.offset, limit: query.limit };
  });

  app.get(CONSOLE_ROUTES.request.path, read, async (request): Promise<RequestDetail> => {
    const context = pageContext(request);
    const { requestId } = parseOr404(requestParams, request.params);
    const row = await findWorkRow(store, context.officeId, requestId);
    // Opening a request shows the citizen's identity: each look is in the staff audit log.
    await store.appendStaffAudit({
      at: context.now.toISOString(),
      staffId: context.staffId,
      officeId: context.officeId,
      action: 'viewRequest',
      requestId,
      detail: '',
    });
    return requestDetail(context, row);
  });

  function actionRoute<S extends z.ZodType<{ expectedVersion: number }>>(path: string, schema: S, toWork: (body: z.output<S>) => WorkAction) {
    app.post(path, action, async (request): Promise<RequestDetail> => {
      const context = pageContext(request);
      const { requestId } = parseOr404(requestParams, request.params);
      const body = parseOr400(schema, request.body);
      return applyWork(context, requestId, body.expectedVersion, toWork(body));
    });
  }

  actionRoute(CONSOLE_ROUTES.assign.path, assignBodySchema, () => ({ action: 'assign' }));
  actionRoute(CONSOLE_ROUTES.release.path, releaseBodySchema, () => ({ action: 'release' }));
  actionRoute(CONSOLE_ROUTES.checklist.path, checklistBodySchema, (b) => ({ action: 'checkDocument', index: b.index, checked: b.checked }));
  actionRoute(CONSOLE_ROUTES.status.path, statusBodySchema, (b) => ({ action: b.status === 'inReview' ? 'startReview' : 'markReady' }));
  actionRoute(CONSOLE_ROUTES.refuse.path, refuseBodySchema, (b) => ({ action: 'refuse', reasonCode: b.reasonCode, reason: b.reason || null }));
  actionRoute(CONSOLE_ROUTES.collect.path, collectBodySchema, (b) => ({ action: 'collect', collector: b.collector }));
}
