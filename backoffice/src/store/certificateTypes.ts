import type { CitizenRequest } from '../../../src/domain/request';
import type { RemoteStatus } from '../../../src/domain/status';
import type { StatusChange } from '../../../src/domain/syncProtocol';
import type { RequestMutation } from './consoleTypes';
import type { StatusAppend } from './types';

/** What a certificate is made from: the request as the kiosk sent it, or null once its personal data was purged. */
export interface CertificateSubject {
  requestId: string;
  officeId: string;
  trackingCode: string;
  serviceId: string;
  status: RemoteStatus;
  request: CitizenRequest | null;
}

export interface StoredCertificate {
  number: string;
  requestId: string;
  officeId: string;
  serviceId: string;
  keyId: string;
  token: string;
  issuedAt: string;
  /** `staff:<id>` or `cli`, as in the status log. */
  issuedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
}

/**
 * How the request moves to `ready` in the issue's transaction: the console's mutation (checks the
 * request's version, bumps it, records the timeline event and the staff audit entry) or a plain
 * status append (the command line, the benchmark).
 */
export type CertificateStatusChange = { via: 'console'; mutation: RequestMutation } | { via: 'append'; change: StatusAppend };

export interface CertificateIssue {
  certificate: Omit<StoredCertificate, 'revokedAt' | 'revokedBy' | 'revokedReason'> & { pdf: Uint8Array };
  /** Null when the request is already ready (a re-issue after a revocation) and only the console's record is wanted. */
  statusChange: CertificateStatusChange | null;
}

export type CertificateIssueOutcome =
  | { ok: true; change: StatusChange | null }
  /** The request's status changed since it was checked (nothing was stored). */
  | { ok: false; reason: 'statusChanged'; current: RemoteStatus }
  /** Another certificate of the request, not revoked, was stored meanwhile. */
  | { ok: false; reason: 'alreadyIssued' }
  /** The console's mutation found the request changed since the page loaded (or gone). */
  | { ok: false; reason: 'versionConflict' | 'notFound' };

export interface CertificateRevocation {
  number: string;
  at: string;
  by: string;
  reason: string;
  /** From the console: the timeline event and staff audit entry, in the same transaction. */
  record?: Omit<RequestMutation, 'expectedVersion' | 'status' | 'assignee' | 'checklist'>;
}

/** Certificates, behind their own interface so each store engine ports them in one file. */
export interface CertificateStore {
  getCertificateSubject(requestId: string): Promise<CertificateSubject | null>;
  /** Reserves the office's next certificate number for the year (a number reserved and then not used leaves a gap). */
  reserveCertificateNumber(officeId: string, year: number): Promise<number>;
  /** Stores the certificate and moves the request along in ONE transaction. */
  storeIssuedCertificate(issue: CertificateIssue): Promise<CertificateIssueOutcome>;
  getCertificate(number: string): Promise<StoredCertificate | null>;
  /** A request's certificates, oldest first. */
  certificatesOfRequest(requestId: string): Promise<StoredCertificate[]>;
  getCertificatePdf(number: string): Promise<Uint8Array | null>;
  /** False when there is no such certificate or it was already revoked. */
  revokeCertificate(revocation: CertificateRevocation): Promise<boolean>;
}
