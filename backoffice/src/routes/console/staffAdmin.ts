import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CONSOLE_ROUTES } from '../../../../src/domain/console/routes';
import { changeRoleBodySchema, createStaffBodySchema, type StaffRow } from '../../../../src/domain/console/staffAdmin';
import { officeOf, requireRole } from '../../http/consoleAuth';
import { parseOr400, parseOr404 } from '../../http/validate';
import { ApiError } from '../../service/apiError';
import { accountKey, lockedUntil } from '../../service/loginThrottle';
import { createStaffAccount, resetStaffPassword } from '../../service/staffAccounts';
import type { StaffAccount, StaffRoleGrant } from '../../store/staffTypes';
import { BODY_LIMITS } from '../deps';
import type { ConsoleDeps } from './deps';

const staffParams = z.object({ staffId: z.string().min(1).max(100) });

/** An office's admin manages the people working there; other offices' staff are "not found". */
export function registerConsoleStaffRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const { store } = deps;
  const write = { bodyLimit: BODY_LIMITS.small, config: { access: 'console' as const } };

  async function toRow(account: StaffAccount, grant: StaffRoleGrant, now: Date): Promise<StaffRow> {
    const locked = (await lockedUntil(store, accountKey(account.login), now)) !== null;
    const state =
      account.revokedAt !== null || grant.revokedAt !== null ? 'revoked' : account.passwordHash === null ? 'pendingActivation' : locked ? 'locked' : 'active';
    return { id: account.id, name: account.name, login: account.login, role: grant.role, state, createdAt: account.createdAt, lastLoginAt: account.lastLoginAt };
  }

  /** The admin's office, and the member of it named in the path (404 when they do not work there). */
  async function adminAndMember(request: FastifyRequest) {
    const { caller, officeId, role } = officeOf(request);
    requireRole(role, 'admin');
    const { staffId } = parseOr404(staffParams, request.params);
    const member = (await store.listOfficeStaff(officeId)).find((m) => m.account.id === staffId && m.grant.revokedAt === null);
    if (!member || member.account.revokedAt !== null) throw new ApiError(404, 'not_found', 'No such staff member in this office.');
    return { caller, officeId, member };
  }

  async function audit(staffId: string, officeId: string, action: string, detail: string) {
    await store.appendStaffAudit({ at: deps.now().toISOString(), staffId, officeId, action, requestId: null, detail });
  }

  app.get(CONSOLE_ROUTES.staffList.path, { config: { access: 'console' } }, async (request) => {
    const { officeId, role } = officeOf(request);
    requireRole(role, 'admin');
    const now = deps.now();
    const members = await store.listOfficeStaff(officeId);
    return { staff: await Promise.all(members.map((m) => toRow(m.account, m.grant, now))) };
  });

  app.post(CONSOLE_ROUTES.staffCreate.path, write, async (request) => {
    const { caller, officeId, role } = officeOf(request);
    requireRole(role, 'admin');
    const body = parseOr400(createStaffBodySchema, request.body);
    const now = deps.now();
    const created = await createStaffAccount(store, { officeId, role: body.role, name: body.name, login: body.login }, now);
    await audit(caller.account.id, officeId, 'staffCreated', `staff ${created.account.id} as ${body.role}`);
    const grant: StaffRoleGrant = { staffId: created.account.id, officeId, role: body.role, grantedAt: now.toISOString(), revokedAt: null };
    return { staff: await toRow(created.account, grant, now), activationCode: created.code, expiresAt: created.expiresAt };
  });

  app.post(CONSOLE_ROUTES.staffRole.path, write, async (request) => {
    const { caller, officeId, member } = await adminAndMember(request);
    const body = parseOr400(changeRoleBodySchema, request.body);
    const now = deps.now();
    await store.grantRole({ staffId: member.account.id, officeId, role: body.role, at: now.toISOString() });
    await audit(caller.account.id, officeId, 'staffRoleChanged', `staff ${member.account.id} from ${member.grant.role} to ${body.role}`);
    return { staff: await toRow(member.account, { ...member.grant, role: body.role }, now) };
  });

  app.post(CONSOLE_ROUTES.staffResetPassword.path, write, async (request) => {
    const { caller, officeId, member } = await adminAndMember(request);
    const now = deps.now();
    const issued = await resetStaffPassword(store, member.account.id, now);
    await audit(caller.account.id, officeId, 'staffPasswordReset', `staff ${member.account.id}`);
    const account = (await store.getStaffAccount(member.account.id))!;
    return { staff: await toRow(account, member.grant, now), activationCode: issued.code, expiresAt: issued.expiresAt };
  });

  app.post(CONSOLE_ROUTES.staffRevoke.path, write, async (request) => {
    const { caller, officeId, member } = await adminAndMember(request);
    const now = deps.now();
    await store.revokeRole({ staffId: member.account.id, officeId, at: now.toISOString() });
    await audit(caller.account.id, officeId, 'staffRevoked', `staff ${member.account.id}`);
    return { staff: await toRow(member.account, { ...member.grant, revokedAt: now.toISOString() }, now) };
  });
}
