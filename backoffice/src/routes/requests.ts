import type { FastifyInstance } from 'fastify';
import { API_PREFIX, pushRequestSchema, type PushResponse } from '../../../src/domain/syncProtocol';
import { deviceOf } from '../http/auth';
import { parseOr400 } from '../http/validate';
import { ingestBatch } from '../service/ingest';
import { BODY_LIMITS, type RouteDeps } from './deps';

/** Push: a batch of queued requests, one outcome per item. A bad item never fails the batch (200 with `invalid`). */
export function registerRequestRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(
    `${API_PREFIX}/requests/push`,
    { bodyLimit: BODY_LIMITS.push, config: { access: 'device' } },
    async (request): Promise<PushResponse> => {
      const { deviceId, officeId, lastKioskSeq } = deviceOf(request);
      const body = parseOr400(pushRequestSchema, request.body);
      const log = (details: Record<string, unknown>, message: string) => request.log.warn(details, message);
      const results = await ingestBatch({ store: deps.store, deviceId, officeId, lastKioskSeq, now: deps.now(), log }, body.items);
      const refused = results.filter((r) => r.outcome === 'invalid' || r.outcome === 'conflict').length;
      if (refused > 0) request.log.warn({ deviceId, refused, batch: results.length }, 'push items refused');
      return { results };
    },
  );
}
