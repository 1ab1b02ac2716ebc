import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { API_PREFIX, enrolRequestSchema, enrolResponseSchema, type EnrolResponse } from '../../../src/domain/syncProtocol';
import { checkFreeText } from '../../../src/domain/text';
import { ApiError } from '../service/apiError';
import { parseOr400 } from '../http/validate';
import { hashSecret, newToken, shuffledPrefixes } from '../service/secrets';
import type { EnrolmentOutcome } from '../store/types';
import { BODY_LIMITS, type RouteDeps } from './deps';

const REFUSALS: Record<Extract<EnrolmentOutcome, { ok: false }>['reason'], ApiError> = {
  unknown: new ApiError(401, 'enrolment_code_unknown', 'This enrolment code is not known. Check it, or ask the office for a new one.'),
  used: new ApiError(401, 'enrolment_code_used', 'This enrolment code has already been used. Ask the office for a new one.'),
  expired: new ApiError(401, 'enrolment_code_expired', 'This enrolment code has expired. Ask the office for a new one.'),
  officeRevoked: new ApiError(403, 'office_revoked', 'The office of this code is no longer served.'),
  prefixesExhausted: new ApiError(503, 'no_tracking_prefix', 'Every tracking prefix is taken; revoke old kiosks first.'),
};

/** A kiosk label is printed by the CLI and shown to staff: a name, cleaned by the shared rule. */
export const KIOSK_LABEL_RULE = { max: 80, letterRequired: true } as const;

/** Codes use Crockford's alphabet: an O typed for 0, or an I or L typed for 1, still works. */
export function foldCodeAliases(code: string): string {
  return code.replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** A supervisor types a one-time code; the kiosk receives its identity, its token (once) and its tracking prefix. */
export function registerEnrolRoutes(app: FastifyInstance, deps: RouteDeps & { enrolRateLimit: { max: number; timeWindow: number } | null }): void {
  app.post(
    `${API_PREFIX}/enrol`,
    {
      bodyLimit: BODY_LIMITS.small,
      config: { access: 'public', ...(deps.enrolRateLimit ? { rateLimit: deps.enrolRateLimit } : {}) },
    },
    async (request): Promise<EnrolResponse> => {
      const body = parseOr400(enrolRequestSchema, request.body);
      const label = checkFreeText(body.kioskLabel, KIOSK_LABEL_RULE);
      if (!label.ok) throw new ApiError(400, 'invalid_body', `kioskLabel: ${label.code}`);
      const token = newToken();
      const outcome = await deps.store.redeemEnrolmentCode({
        codeHash: hashSecret(foldCodeAliases(body.code)),
        now: deps.now().toISOString(),
        device: { id: uuidv7(), label: label.value, tokenHash: hashSecret(token) },
        prefixCandidates: shuffledPrefixes(),
      });
      if (!outcome.ok) throw REFUSALS[outcome.reason];
      request.log.info({ deviceId: outcome.device.id, officeId: outcome.office.id }, 'kiosk enrolled');
      return enrolResponseSchema.parse({
        deviceId: outcome.device.id,
        deviceToken: token,
        officeId: outcome.office.id,
        officeName: outcome.office.name,
        trackingPrefix: outcome.device.trackingPrefix,
      });
    },
  );
}
