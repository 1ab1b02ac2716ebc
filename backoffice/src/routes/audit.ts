import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX, auditPushSchema } from '../../../src/domain/syncProtocol';
import { deviceOf } from '../http/auth';
import type { auditPushResponseSchema } from '../http/schemas';
import { parseOr400 } from '../http/validate';
import { cleanAuditEntry } from '../service/auditText';
import { BODY_LIMITS, type RouteDeps } from './deps';

/** The kiosk's supervisor audit log, copied to the office. Append-only; a replayed entry (same id) is ignored. */
export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(
    `${API_PREFIX}/audit`,
    { bodyLimit: BODY_LIMITS.audit, config: { access: 'device' } },
    async (request): Promise<z.infer<typeof auditPushResponseSchema>> => {
      const { deviceId, officeId } = deviceOf(request);
      const { entries } = parseOr400(auditPushSchema, request.body);
      const stored = await deps.store.storeAudit({ deviceId, officeId, receivedAt: deps.now().toISOString(), entries: entries.map(cleanAuditEntry) });
      return { stored, duplicates: entries.length - stored };
    },
  );
}
