import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EnrolmentCodeResponse, KioskList } from '../../../../src/domain/console/fleet';
import { CONSOLE_ROUTES } from '../../../../src/domain/console/routes';
import { officeOf, requireRole } from '../../http/consoleAuth';
import { parseOr404 } from '../../http/validate';
import { ApiError } from '../../service/apiError';
import { issueEnrolmentCode } from '../../service/enrolmentCodes';
import { officeKiosks } from '../../service/fleet';
import { BODY_LIMITS } from '../deps';
import type { ConsoleDeps } from './deps';

const kioskParams = z.object({ kioskId: z.string().min(1).max(100) });

/** The office's kiosks with their heartbeats; an admin revokes one or makes an enrolment code. */
export function registerConsoleFleetRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const { store } = deps;
  const write = { bodyLimit: BODY_LIMITS.small, config: { access: 'console' as const } };

  app.get(CONSOLE_ROUTES.kiosks.path, { config: { access: 'console' } }, async (request): Promise<KioskList> => {
    const { officeId } = officeOf(request);
    return { kiosks: await officeKiosks(store, officeId, deps.now()) };
  });

  app.post(CONSOLE_ROUTES.kioskRevoke.path, write, async (request): Promise<KioskList> => {
    const { caller, officeId, role } = officeOf(request);
    requireRole(role, 'admin');
    const { kioskId } = parseOr404(kioskParams, request.params);
    const device = await store.getDevice(kioskId);
    if (!device || device.officeId !== officeId) throw new ApiError(404, 'not_found', 'No such kiosk in this office.');
    const now = deps.now();
    await store.revokeDevice(kioskId, now.toISOString());
    await store.appendStaffAudit({ at: now.toISOString(), staffId: caller.account.id, officeId, action: 'kioskRevoked', requestId: null, detail: `kiosk ${kioskId}` });
    return { kiosks: await officeKiosks(store, officeId, now) };
  });

  app.post(CONSOLE_ROUTES.enrolmentCode.path, write, async (request): Promise<EnrolmentCodeResponse> => {
    const { caller, officeId, role } = officeOf(request);
    requireRole(role, 'admin');
    const now = deps.now();
    const issued = await issueEnrolmentCode(store, officeId, now);
    await store.appendStaffAudit({ at: now.toISOString(), staffId: caller.account.id, officeId, action: 'enrolmentCodeCreated', requestId: null, detail: `expires ${issued.expiresAt}` });
    return issued;
  });
}
