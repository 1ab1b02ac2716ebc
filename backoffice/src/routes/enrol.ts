import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { API_PREFIX, enrolRequestSchema, enrolResponseSchema, type EnrolResponse } from '../../../src/domain/syncProtocol';
import { checkFreeText } from '../../../src/domain/text';
import { addressKey } from '../http/auth';
import { parseOr400 } from '../http/validate';
import { WindowCounter } from '../http/windowCounter';
import { ApiError } from '../service/apiError';
import { hashSecret, newToken, shuffledPrefixes } from '../service/secrets';
import type { EnrolmentOutcome } from '../store/types';
import { BODY_LIMITS, type RouteDeps } from './deps';

/**
 * Unknown, used and expired codes get ONE answer: telling them apart would confirm to someone
 * trying codes that one existed. The difference is in the log (warn, the default level).
 */
const CODE_INVALID = new ApiError(401, 'enrolment_code_invalid', 'This enrolment code is not valid (mistyped, already used or expired). Ask the office for a new one.');
const REFUSALS: Record<Extract<EnrolmentOutcome, { ok: false }>['reason'], ApiError> = {
  unknown: CODE_INVALID,
  used: CODE_INVALID,
  expired: CODE_INVALID,
  officeRevoked: new ApiError(403, 'office_revoked', 'The office of this code is no longer served.'),
  prefixesExhausted: new ApiError(503, 'no_tracking_prefix', 'Every tracking prefix is taken; revoke old kiosks first.'),
};
const OFFICE_BUSY = new ApiError(429, 'rate_limited', 'Too many enrolment attempts for this office; retry in a minute.');

/** A kiosk label is printed by the CLI and shown to staff: a name, cleaned by the shared rule. */
export const KIOSK_LABEL_RULE = { max: 80, letterRequired: true } as const;

/** Codes use Crockford's alphabet: an O typed for 0, or an I or L typed for 1, still works. */
export function foldCodeAliases(code: string): string {
  return code.replace(/O/g, '0').replace(/[IL]/g, '1');
}

export interface EnrolLimits {
  /** Attempts per window from one client address (every attempt, whatever the code). */
  perAddress: number;
  /** Attempts per window with codes of one office: an address shared by many (a proxy, a NAT) cannot block every office. */
  perOffice: number;
  timeWindowMs: number;
}

/** A supervisor types a one-time code; the kiosk receives its identity, its token (once) and its tracking prefix. */
export function registerEnrolRoutes(app: FastifyInstance, deps: RouteDeps & { enrolRateLimit: EnrolLimits | null }): void {
  const limits = deps.enrolRateLimit;
  const perOffice = limits ? new WindowCounter(limits.perOffice, limits.timeWindowMs, () => deps.now().getTime()) : null;
  app.post(
    `${API_PREFIX}/enrol`,
    {
      bodyLimit: BODY_LIMITS.small,
      config: {
        access: 'public',
        // Keyed on the address only: a token sent along (revoked or not) earns no bucket of its own here.
        ...(limits ? { rateLimit: { max: limits.perAddress, timeWindow: limits.timeWindowMs, keyGenerator: addressKey } } : {}),
      },
    },
    async (request): Promise<EnrolResponse> => {
      const body = parseOr400(enrolRequestSchema, request.body);
      const label = checkFreeText(body.kioskLabel, KIOSK_LABEL_RULE);
      if (!label.ok) throw new ApiError(400, 'invalid_body', `kioskLabel: ${label.code}`);
      const codeHash = hashSecret(foldCodeAliases(body.code));
      const officeId = await deps.store.enrolmentCodeOffice(codeHash);
      if (officeId !== null && perOffice && !perOffice.take(officeId)) {
        request.log.warn({ officeId, ip: request.ip }, 'enrolment refused: too many attempts for this office');
        throw OFFICE_BUSY;
      }
      const token = newToken();
      const outcome = await deps.store.redeemEnrolmentCode({
        codeHash,
        now: deps.now().toISOString(),
        device: { id: uuidv7(), label: label.value, tokenHash: hashSecret(token) },
        prefixCandidates: shuffledPrefixes(),
        ...(body.previousDeviceToken ? { replaces: { tokenHash: hashSecret(body.previousDeviceToken), auditId: uuidv7() } } : {}),
      });
      if (!outcome.ok) {
        // Never the code itself: the log may be read by more people than the codes are meant for.
        request.log.warn({ reason: outcome.reason, officeId, ip: request.ip }, 'enrolment refused');
        throw REFUSALS[outcome.reason];
      }
      request.log.info({ deviceId: outcome.device.id, officeId: outcome.office.id, replaced: outcome.replaced }, outcome.replaced ? 'kiosk enrolled again, replacing its old device' : 'kiosk enrolled');
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
