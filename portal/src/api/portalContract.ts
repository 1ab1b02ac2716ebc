import { z } from 'zod';
import { catalogueSchema } from '../../../src/domain/catalogue';
import { localizedTextSchema } from '../../../src/domain/locales';
import { remoteStatusSchema } from '../../../src/domain/status';
import { refusalReasonCodeSchema } from '../../../src/domain/refusalReasons';
import { API_PREFIX } from '../../../src/domain/syncProtocol';

/**
 * PROVISIONAL: the portal routes as the app reads them, until h10-portal-server's contract
 * (`src/domain/portal/`) is merged; then this file only re-exports from there. Answers are parsed
 * loosely (`z.object`, not strict) where the server may add facts the app does not use.
 */
export const PORTAL_API = `${API_PREFIX}/portal`;

export const PORTAL_PATHS = {
  smsLogin: `${PORTAL_API}/login/sms`,
  smsVerify: `${PORTAL_API}/login/sms/verify`,
  emailLogin: `${PORTAL_API}/login/email`,
  emailVerify: `${PORTAL_API}/login/email/verify`,
  logout: `${PORTAL_API}/logout`,
  offices: `${PORTAL_API}/offices`,
  catalogue: `${PORTAL_API}/catalogue`,
  requests: `${PORTAL_API}/requests`,
  account: `${PORTAL_API}/account`,
} as const;

export const portalSessionSchema = z.object({
  token: z.string().min(16),
  trackingPrefix: z.string().length(3),
  firstSeq: z.int().positive().optional(),
  expiresAt: z.string().nullable().optional(),
});
export type PortalSession = z.infer<typeof portalSessionSchema>;

export const openingHoursSchema = z.object({ text: localizedTextSchema.partial().optional() }).passthrough();

export const portalOfficeSchema = z.object({
  id: z.string().min(1),
  name: localizedTextSchema.partial(),
  address: localizedTextSchema.partial().nullable().optional(),
  hours: localizedTextSchema.partial().nullable().optional(),
});
export type PortalOffice = z.infer<typeof portalOfficeSchema>;
export const officesResponseSchema = z.object({ offices: z.array(portalOfficeSchema) });

export const portalCatalogueResponseSchema = z.object({ catalogue: catalogueSchema });

export const myRequestSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  serviceId: z.string(),
  officeId: z.string().nullable().optional(),
  status: remoteStatusSchema,
  reasonCode: refusalReasonCodeSchema.nullable().optional(),
  reason: z.string().nullable().optional(),
  createdAt: z.string(),
  changedAt: z.string().optional(),
  statusToken: z.string().nullable().optional(),
});
export type MyRequest = z.infer<typeof myRequestSchema>;
export const myRequestsResponseSchema = z.object({ requests: z.array(myRequestSchema) });

export const accountResponseSchema = z.object({
  account: z.object({
    phone: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    createdAt: z.string().optional(),
  }),
  requests: z.array(myRequestSchema).optional(),
});
export type PortalAccount = z.infer<typeof accountResponseSchema>;
