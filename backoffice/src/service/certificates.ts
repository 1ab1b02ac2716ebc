import { findService } from '../../../src/domain/catalogue';
import { composeCertificate, fallbackLetterhead } from '../../../src/domain/certificateTemplate';
import type { VerifyResult } from '../../../src/domain/certificateToken';
import { REVOCATION_REASON_MAX } from '../../../src/domain/console/certificates';
import type { RemoteStatus } from '../../../src/domain/status';
import type { StatusChange } from '../../../src/domain/syncProtocol';
import { renderCertificatePdf } from '../certificates/certificatePdf';
import type { SigningKeyring } from '../certificates/signingKeyring';
import { signToken, verifyTokenSignature } from '../certificates/tokenSignature';
import type { CertificateStatusChange, StoredCertificate } from '../store/certificateTypes';
import type { Store } from '../store/types';
import { ApiError } from './apiError';
import type { CertificateFacts } from './requestPage';
import { canTransition } from '../../../src/domain/statusTransitions';

/** What the certificate services use: the store, the back office's keys and the clock. */
export interface CertificateDeps {
  store: Store;
  keyring: SigningKeyring;
  now: () => Date;
}

/** What the console's request page asks about certificates: the service has a template; the request holds one not revoked. */
export function certificateFacts(store: Store): CertificateFacts {
  return {
    issuesCertificate: (service) => Boolean(service?.certificate),
    hasValidCertificate: async (requestId) => (await store.certificatesOfRequest(requestId)).some((c) => c.revokedAt === null),
  };
}

/** Certificates are dated in the office's day, not UTC's: Morocco's clock. */
export const OFFICE_TIME_ZONE = 'Africa/Casablanca';

export function officeDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function certificateNumber(officeId: string, year: number, sequence: number): string {
  return `${officeId.toUpperCase()}-${year}-${String(sequence).padStart(6, '0')}`;
}

export interface IssueInput {
  requestId: string;
  /** The office the chief acts for: a request of another office is not found (404, existence does not leak). */
  officeId: string;
  /** `staff:<id>` or `cli`, as in the status log. */
  by: string;
  /** From the console: the request's version as the page loaded it, and who acts (timeline and staff audit). */
  console?: { staffId: string; expectedVersion: number };
}

export interface IssuedCertificate {
  certificate: StoredCertificate;
  /** The request's move to `ready`; null for a re-issue after a revocation (it was ready already). */
  change: StatusChange | null;
}

function notFound(): ApiError {
  return new ApiError(404, 'request_not_found', 'No such request in this office.');
}

/**
 * Renders, signs and stores the certificate of a request in review, and moves the request to
 * `ready` in the same transaction. A ready request whose certificate was revoked may be issued
 * again (it stays ready).
 */
export async function issueCertificate(deps: CertificateDeps, input: IssueInput): Promise<IssuedCertificate> {
  const { store } = deps;
  const subject = await store.getCertificateSubject(input.requestId);
  if (!subject || subject.officeId !== input.officeId) throw notFound();
  const reissue = subject.status === 'ready';
  if (!reissue && !canTransition(subject.status, 'ready')) {
    throw new ApiError(409, 'invalid_transition', `A request that is ${subject.status} cannot receive its certificate (it must be in review).`);
  }
  if (reissue && (await store.certificatesOfRequest(subject.requestId)).some((c) => c.revokedAt === null)) {
    throw new ApiError(409, 'already_issued', 'This request already has a certificate; revoke it first to issue another.');
  }
  if (!subject.request) throw new ApiError(409, 'personal_data_purged', "This request's personal data has been purged.");
  const catalogue = await store.getCatalogue(subject.officeId);
  const service = catalogue ? findService(catalogue, subject.serviceId) : undefined;
  if (!catalogue || !service?.certificate) {
    throw new ApiError(409, 'no_certificate_template', `The catalogue has no certificate for the service ${subject.serviceId}.`);
  }
  const office = await store.getOffice(subject.officeId);
  const letterhead = catalogue.certificateLetterhead ?? fallbackLetterhead(office?.name ?? subject.officeId);

  const issuedAt = deps.now();
  const issuedOn = officeDay(issuedAt);
  const year = Number(issuedOn.slice(0, 4));
  const number = certificateNumber(subject.officeId, year, await store.reserveCertificateNumber(subject.officeId, year));
  const { identity, fields } = subject.request;
  const key = deps.keyring.signingKey();
  const token = signToken(
    {
      number,
      serviceId: subject.serviceId,
      holderCin: identity.cin,
      holderName: `${identity.firstNameLatin} ${identity.lastNameLatin}`,
      holderNameArabic: `${identity.firstNameArabic} ${identity.lastNameArabic}`.trim(),
      officeId: subject.officeId,
      issuedOn,
    },
    key,
  );
  const text = composeCertificate(service.certificate, { identity, fields, serviceFields: service.fields }, { number, issuedOn, letterhead });
  const pdf = await renderCertificatePdf(text, token, issuedAt);

  const certificate: StoredCertificate = {
    number,
    requestId: subject.requestId,
    officeId: subject.officeId,
    serviceId: subject.serviceId,
    keyId: key.keyId,
    token,
    issuedAt: issuedAt.toISOString(),
    issuedBy: input.by,
    revokedAt: null,
    revokedBy: null,
    revokedReason: null,
  };
  const outcome = await store.storeIssuedCertificate({ certificate: { ...certificate, pdf }, statusChange: statusChangeFor(input, subject.status, certificate) });
  if (!outcome.ok) {
    switch (outcome.reason) {
      case 'alreadyIssued':
        throw new ApiError(409, 'already_issued', 'Another certificate of this request was issued meanwhile.');
      case 'statusChanged':
        throw new ApiError(409, 'status_changed', `The request became ${outcome.current} meanwhile; check it and try again.`);
      case 'versionConflict':
        throw new ApiError(409, 'version_conflict', 'Someone changed this request since you opened it. Reload it and check before acting.');
      case 'notFound':
        throw notFound();
    }
  }
  return { certificate, change: outcome.change };
}

/** The move to ready (none on a re-issue, where the console still records the new number). */
function statusChangeFor(input: IssueInput, status: RemoteStatus, certificate: StoredCertificate): CertificateStatusChange | null {
  const reissue = status === 'ready';
  if (input.console) {
    return {
      via: 'console',
      mutation: {
        requestId: certificate.requestId,
        officeId: certificate.officeId,
        expectedVersion: input.console.expectedVersion,
        staffId: input.console.staffId,
        at: certificate.issuedAt,
        ...(reissue ? {} : { status: 'ready' as const }),
        event: { kind: 'certificateIssued', detail: { certificateNumber: certificate.number } },
        audit: { action: 'issueCertificate', detail: certificate.number },
      },
    };
  }
  if (reissue) return null;
  return {
    via: 'append',
    change: { requestId: certificate.requestId, expected: status, status: 'ready', reason: null, at: certificate.issuedAt, by: input.by },
  };
}

export interface RevokeInput {
  number: string;
  officeId: string;
  by: string;
  reason: string;
  /** From the console: who acts, for the request's timeline and the staff audit. */
  console?: { staffId: string };
}

/** Revokes a certificate of the office: the online check calls it revoked from now on. */
export async function revokeCertificate(deps: CertificateDeps, input: RevokeInput): Promise<StoredCertificate> {
  const certificate = await deps.store.getCertificate(input.number);
  if (!certificate || certificate.officeId !== input.officeId) {
    throw new ApiError(404, 'certificate_not_found', 'No such certificate in this office.');
  }
  const reason = input.reason.normalize('NFC').trim();
  if (reason === '') throw new ApiError(400, 'reason_required', 'Revoking a certificate needs a reason.');
  if (reason.length > REVOCATION_REASON_MAX) throw new ApiError(400, 'reason_too_long', `A reason is at most ${REVOCATION_REASON_MAX} characters.`);
  const at = deps.now().toISOString();
  const record = input.console && {
    requestId: certificate.requestId,
    officeId: certificate.officeId,
    staffId: input.console.staffId,
    at,
    event: { kind: 'certificateRevoked' as const, detail: { certificateNumber: certificate.number } },
    audit: { action: 'revokeCertificate', detail: certificate.number },
  };
  if (!(await deps.store.revokeCertificate({ number: input.number, at, by: input.by, reason, record }))) {
    throw new ApiError(409, 'already_revoked', 'This certificate was already revoked.');
  }
  return { ...certificate, revokedAt: at, revokedBy: input.by, revokedReason: reason };
}

/**
 * The online check: the signature first (public keys only, as any verifier), then, for a key of
 * this back office, its own record: revoked, or never issued here (a token signed with our key
 * that we have no record of means the key leaked). A trusted key of another back office gets the
 * signature's answer, with `revocationChecked: false`.
 */
export async function verifyCertificate(deps: Pick<CertificateDeps, 'store' | 'keyring'>, token: string): Promise<VerifyResult> {
  const signature = verifyTokenSignature(token, deps.keyring.verificationKeys());
  if (signature.outcome !== 'valid' || !deps.keyring.isOwnKey(signature.claims.keyId)) return signature;
  const stored = await deps.store.getCertificate(signature.claims.number);
  if (!stored || stored.token !== token.trim()) return { outcome: 'forged', reason: 'notIssued' };
  if (stored.revokedAt !== null) return { outcome: 'revoked', claims: signature.claims, revokedAt: stored.revokedAt, revocationChecked: true };
  return { outcome: 'valid', claims: signature.claims, revocationChecked: true };
}
