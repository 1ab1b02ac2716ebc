import { z } from 'zod';
import { certificateClaimsSchema } from '../certificateToken';
import { staffRefSchema } from './requestRow';

/**
 * The certificate actions of the request page (routes in console/routes.ts: certificateIssue,
 * certificateList, certificatePdf, certificateRevoke). Issuing is for a chief, on a request in
 * review whose service has a template; it moves the request to `ready`.
 */

export const REVOCATION_REASON_MAX = 500;

export const certificateSummarySchema = z.strictObject({
  number: certificateClaimsSchema.shape.number,
  serviceId: z.string().min(1),
  issuedAt: z.iso.datetime(),
  /** Null when issued from the command line. */
  issuedBy: staffRefSchema.nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: staffRefSchema.nullable(),
  revokedReason: z.string().nullable(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

/** The request's version as the page loaded it: a change since then answers 409 `version_conflict`. */
export const issueCertificateBodySchema = z.strictObject({ expectedVersion: z.int().nonnegative() });

export const revokeCertificateBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(REVOCATION_REASON_MAX),
});

export const certificateResponseSchema = z.strictObject({ certificate: certificateSummarySchema });
export const certificateListSchema = z.strictObject({ certificates: z.array(certificateSummarySchema) });
