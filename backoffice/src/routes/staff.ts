import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX, staffStatusUpdateSchema } from '../../../src/domain/syncProtocol';
import { staffOf } from '../http/auth';
import type { staffStatusResponseSchema } from '../http/schemas';
import { parseOr400 } from '../http/validate';
import { changeStatus } from '../service/statusChange';
import { BODY_LIMITS, type RouteDeps } from './deps';

/** Staff at the counter move a request along its life; the change reaches the kiosks through the changes feed. */
export function registerStaffRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(
    `${API_PREFIX}/staff/status`,
    { bodyLimit: BODY_LIMITS.small, config: { access: 'staff' } },
    async (request): Promise<z.infer<typeof staffStatusResponseSchema>> => {
      const staff = staffOf(request);
      const body = parseOr400(staffStatusUpdateSchema, request.body);
      const change = await changeStatus(deps.store, { ...body, by: `staff:${staff.staffId}`, now: deps.now() });
      return { change };
    },
  );
}
