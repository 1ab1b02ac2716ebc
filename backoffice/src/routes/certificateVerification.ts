import type { FastifyInstance } from 'fastify';
import { findService } from '../../../src/domain/catalogue';
import { verifyRequestSchema, type PublicKeySet, type VerifyResponse } from '../../../src/domain/certificateToken';
import { API_PREFIX } from '../../../src/domain/syncProtocol';
import type { SigningKeyring } from '../certificates/signingKeyring';
import { parseOr400 } from '../http/validate';
import { verifyCertificate } from '../service/certificates';
import { renderVerifyPage, VERIFY_STYLES, verifyClientScript } from '../verifyPage/verifyPage';
import { pickLanguage, verifyPageStrings } from '../verifyPage/verifyStrings';
import type { RouteDeps } from './deps';

export interface CertificateRouteDeps extends RouteDeps {
  keyring: SigningKeyring;
}

/** The page runs its own script only, from this origin; the camera is allowed for scanning. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'permissions-policy': 'camera=(self)',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Public certificate verification: anyone holding a certificate (a bank, another administration,
 * the citizen) checks it here. `/keys` publishes the public keys so that it can also be checked
 * with no back office at all (docs/certificates.md).
 */
export function registerCertificateVerificationRoutes(app: FastifyInstance, deps: CertificateRouteDeps): void {
  app.get(`${API_PREFIX}/keys`, { config: { access: 'public' } }, async (_request, reply): Promise<PublicKeySet> => {
    void reply.header('cache-control', 'public, max-age=300');
    return deps.keyring.publishedKeys();
  });

  app.post(`${API_PREFIX}/verify`, { config: { access: 'public' } }, async (request): Promise<VerifyResponse> => {
    const { token } = parseOr400(verifyRequestSchema, request.body);
    const result = await verifyCertificate(deps, token);
    if (result.outcome === 'forged') return { result, serviceName: null };
    const catalogue = await deps.store.getCatalogue(result.claims.officeId);
    const service = catalogue ? findService(catalogue, result.claims.serviceId) : undefined;
    return { result, serviceName: service?.name ?? null };
  });

  app.get('/verify', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as { lang?: unknown };
    const lang = pickLanguage(typeof query.lang === 'string' ? query.lang : undefined, request.headers['accept-language']);
    const html = renderVerifyPage({ strings: verifyPageStrings(lang), keys: deps.keyring.publishedKeys(), verifyUrl: `${API_PREFIX}/verify` });
    return reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(html);
  });

  app.get('/verify/verify.js', { config: { access: 'public' } }, async (_request, reply) =>
    reply.headers(PAGE_HEADERS).type('text/javascript; charset=utf-8').send(verifyClientScript()),
  );

  app.get('/verify/verify.css', { config: { access: 'public' } }, async (_request, reply) =>
    reply.headers(PAGE_HEADERS).type('text/css; charset=utf-8').send(VERIFY_STYLES),
  );
}
