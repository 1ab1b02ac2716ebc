import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  issueCertificateBodySchema,
  revokeCertificateBodySchema,
  type CertificateSummary,
  certificateListSchema,
  certificateResponseSchema,
} from '../../../src/domain/console/certificates';
import { CONSOLE_ROUTES } from '../../../src/domain/console/routes';
import type { SigningKeyring } from '../certificates/signingKeyring';
import { officeOf, requireRole } from '../http/consoleAuth';
import { parseOr400, parseOr404 } from '../http/validate';
import { ApiError } from '../service/apiError';
import { issueCertificate, revokeCertificate, type CertificateDeps } from '../service/certificates';
import { findWorkRow, requestDetail } from '../service/requestPage';
import type { StoredCertificate } from '../store/certificateTypes';
import type { ConsoleDeps } from './console/deps';
import { BODY_LIMITS } from './deps';

const requestParams = z.object({ requestId: z.string().min(1).max(100) });
const certificateParams = requestParams.extend({ number: z.string().min(1).max(80) });

/**
 * The request page's certificate actions. Office scoping as everywhere in the console: the
 * request is looked up within the caller's office first (another office's answers 404), and a
 * certificate only through its own request. Issuing and revoking need the chief role; each action,
 * and each look at a PDF (it carries personal data), is in the staff audit log.
 */
export function registerConsoleCertificateRoutes(app: FastifyInstance, deps: ConsoleDeps & { keyring: SigningKeyring }): void {
  const { store } = deps;
  const read = { config: { access: 'console' as const } };
  const action = { bodyLimit: BODY_LIMITS.small, config: { access: 'console' as const } };
  const certificateDeps = (): CertificateDeps => ({ store, keyring: deps.keyring, now: deps.now });

  async function staffRef(by: string | null) {
    const id = by?.startsWith('staff:') ? by.slice('staff:'.length) : null;
    const account = id ? await store.getStaffAccount(id) : null;
    return account ? { id: account.id, name: account.name } : null;
  }

  async function summary(certificate: StoredCertificate): Promise<CertificateSummary> {
    return {
      number: certificate.number,
      serviceId: certificate.serviceId,
      issuedAt: certificate.issuedAt,
      issuedBy: await staffRef(certificate.issuedBy),
      revokedAt: certificate.revokedAt,
      revokedBy: await staffRef(certificate.revokedBy),
      revokedReason: certificate.revokedReason,
    };
  }

  /** The caller, and the request of their office named in the path (404 otherwise). */
  async function scoped(request: FastifyRequest) {
    const { caller, officeId, role } = officeOf(request);
    const { requestId } = parseOr404(requestParams, request.params);
    const row = await findWorkRow(store, officeId, requestId);
    return { staffId: caller.account.id, officeId, role, row };
  }

  /** A certificate of that very request, or 404. */
  async function certificateOf(request: FastifyRequest, requestId: string): Promise<StoredCertificate> {
    const { number } = parseOr404(certificateParams, request.params);
    const certificate = await store.getCertificate(number);
    if (!certificate || certificate.requestId !== requestId) throw new ApiError(404, 'not_found', 'No such certificate for this request.');
    return certificate;
  }

  app.post(CONSOLE_ROUTES.certificateIssue.path, action, async (request): Promise<z.infer<typeof certificateResponseSchema>> => {
    const { staffId, officeId, role, row } = await scoped(request);
    requireRole(role, 'chief');
    const { expectedVersion } = parseOr400(issueCertificateBodySchema, request.body);
    if (row.version !== expectedVersion) {
      throw new ApiError(409, 'version_conflict', `Someone changed this request since you opened it (it is now ${row.status}). Reload it and check before acting.`);
    }
    const page = await requestDetail({ store, certificates: deps.certificates, now: deps.now(), staffId, role }, row);
    if (!page.allowedActions.includes('issueCertificate')) {
      throw new ApiError(409, 'action_not_allowed', `A request that is ${row.status} cannot receive a certificate now.`);
    }
    const issued = await issueCertificate(certificateDeps(), { requestId: row.id, officeId, by: `staff:${staffId}`, console: { staffId, expectedVersion } });
    return { certificate: await summary(issued.certificate) };
  });

  app.get(CONSOLE_ROUTES.certificateList.path, read, async (request): Promise<z.infer<typeof certificateListSchema>> => {
    const { row } = await scoped(request);
    return { certificates: await Promise.all((await store.certificatesOfRequest(row.id)).map(summary)) };
  });

  app.get(CONSOLE_ROUTES.certificatePdf.path, read, async (request, reply) => {
    const { staffId, officeId, row } = await scoped(request);
    const certificate = await certificateOf(request, row.id);
    const pdf = await store.getCertificatePdf(certificate.number);
    if (!pdf) throw new ApiError(404, 'not_found', 'No such certificate for this request.');
    await store.appendStaffAudit({ at: deps.now().toISOString(), staffId, officeId, action: 'viewCertificate', requestId: row.id, detail: certificate.number });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${certificate.number}.pdf"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf));
  });

  app.post(CONSOLE_ROUTES.certificateRevoke.path, action, async (request): Promise<z.infer<typeof certificateResponseSchema>> => {
    const { staffId, officeId, role, row } = await scoped(request);
    requireRole(role, 'chief');
    const certificate = await certificateOf(request, row.id);
    const { reason } = parseOr400(revokeCertificateBodySchema, request.body);
    const revoked = await revokeCertificate(certificateDeps(), { number: certificate.number, officeId, by: `staff:${staffId}`, reason, console: { staffId } });
    return { certificate: await summary(revoked) };
  });
}
