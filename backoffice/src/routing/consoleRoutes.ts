import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CONSOLE_ROUTES } from '../../../src/domain/console/routes';
import { forwardStanding, type ForwardView } from '../../../src/domain/routing';
import { officeOf, requireRole } from '../http/consoleAuth';
import { parseOr404 } from '../http/validate';
import { ApiError } from '../service/apiError';
import type { ConsoleDeps } from '../routes/console/deps';
import { BODY_LIMITS } from '../routes/deps';
import type { ForwardRow } from '../store/directoryTypes';
import { addDirectoryBody, removeDirectoryBody } from './directory';

const bodyParams = z.object({ bodyId: z.string().uuid() });
const requestParams = z.object({ requestId: z.string().min(1).max(100) });
const documentParams = z.object({ requestId: z.string().min(1).max(100), forwardId: z.string().uuid() });

/** The console's directory (admins change it, every role reads it) and where forwarded requests stand. Office scoped: another office's is 404. */
export function registerRoutingConsoleRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const { store } = deps;
  const read = { config: { access: 'console' as const } };
  const write = { bodyLimit: BODY_LIMITS.small, config: { access: 'console' as const } };

  async function views(officeId: string, rows: readonly ForwardRow[]): Promise<ForwardView[]> {
    const bodies = new Map((await store.listBodies(officeId, true)).map((body) => [body.id, body]));
    const now = deps.now();
    return Promise.all(
      rows.map(async (row) => {
        const body = bodies.get(row.bodyId);
        const request = await store.getWorkRow(officeId, row.requestId);
        return {
          id: row.id,
          requestId: row.requestId,
          trackingCode: request?.trackingCode ?? '',
          body: { id: row.bodyId, nameAr: body?.nameAr ?? '', nameFr: body?.nameFr ?? '' },
          standing: forwardStanding(row, now),
          forwardedAt: row.forwardedAt,
          sentAt: row.sentAt,
          dueAt: row.dueAt,
          answeredAt: row.answeredAt,
          answer: row.answer,
          hasDocument: row.documentType !== null,
        };
      }),
    );
  }

  async function ownRequest(request: FastifyRequest) {
    const { officeId } = officeOf(request);
    const { requestId } = parseOr404(requestParams, request.params);
    if (!(await store.getWorkRow(officeId, requestId))) throw new ApiError(404, 'not_found', 'No such request in this office.');
    return { officeId, requestId };
  }

  app.get(CONSOLE_ROUTES.directory.path, read, async (request) => {
    const { officeId } = officeOf(request);
    return { bodies: await store.listBodies(officeId) };
  });

  app.post(CONSOLE_ROUTES.directoryAdd.path, write, async (request) => {
    const { caller, officeId, role } = officeOf(request);
    requireRole(role, 'admin');
    return addDirectoryBody(store, officeId, request.body, { staffId: caller.account.id }, deps.now());
  });

  app.post(CONSOLE_ROUTES.directoryRemove.path, write, async (request) => {
    const { caller, officeId, role } = officeOf(request);
    requireRole(role, 'admin');
    const { bodyId } = parseOr404(bodyParams, request.params);
    await removeDirectoryBody(store, officeId, bodyId, { staffId: caller.account.id }, deps.now());
    return { bodies: await store.listBodies(officeId) };
  });

  app.get(CONSOLE_ROUTES.forwards.path, read, async (request) => {
    const { officeId } = officeOf(request);
    return { forwards: await views(officeId, await store.openForwards(officeId, 500)) };
  });

  app.get(CONSOLE_ROUTES.requestForwards.path, read, async (request) => {
    const { officeId, requestId } = await ownRequest(request);
    return { forwards: await views(officeId, await store.forwardsOf(officeId, requestId)) };
  });

  app.get(CONSOLE_ROUTES.forwardDocument.path, read, async (request, reply) => {
    const { officeId, caller } = officeOf(request);
    const { requestId, forwardId } = parseOr404(documentParams, request.params);
    const forward = await store.getForward(forwardId);
    const document = forward && forward.requestId === requestId ? await store.forwardDocument(officeId, forwardId) : null;
    if (!document) throw new ApiError(404, 'not_found', 'No such document for this request in this office.');
    // Personal data seen: audited like the request's page.
    await store.appendStaffAudit({ at: deps.now().toISOString(), staffId: caller.account.id, officeId, action: 'forwardDocumentViewed', requestId, detail: `forward ${forwardId}` });
    return reply.headers({ 'content-type': document.type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-disposition': 'attachment' }).send(document.bytes);
  });
}
