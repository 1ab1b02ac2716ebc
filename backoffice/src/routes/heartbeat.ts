import type { FastifyInstance } from 'fastify';
import { heartbeatSchema } from '../../../src/domain/heartbeat';
import { API_PREFIX } from '../../../src/domain/syncProtocol';
import { deviceOf } from '../http/auth';
import { parseOr400 } from '../http/validate';
import { BODY_LIMITS, type RouteDeps } from './deps';

/** A kiosk's figures at the end of its sync cycle (no personal data), kept as its latest for the console's fleet page. */
export function registerHeartbeatRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(`${API_PREFIX}/devices/heartbeat`, { bodyLimit: BODY_LIMITS.small, config: { access: 'device' } }, async (request) => {
    const device = deviceOf(request);
    const heartbeat = parseOr400(heartbeatSchema, request.body);
    await deps.store.recordHeartbeat({ deviceId: device.deviceId, body: JSON.stringify(heartbeat), receivedAt: deps.now().toISOString() });
    return { ok: true as const };
  });
}
