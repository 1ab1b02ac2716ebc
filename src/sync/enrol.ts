import { backofficeUrlProblem, SECURE_ONLY, type BackofficeUrlPolicy } from '../domain/backofficeUrl';
import { enrolRequestSchema, type EnrolResponse } from '../domain/syncProtocol';
import type { KioskPlatform } from '../platform/types';
import type { ShubbakDb } from '../storage/db';
import { saveEnrolment } from '../storage/enrolment';
import { SyncError, type SyncErrorReason } from './syncError';
import { createTransport, type FetchLike } from './transport';

export type EnrolFailureReason =
  | 'invalidUrl'
  /** Plain http:// to another machine, which the operator has not allowed. */
  | 'insecureUrl'
  | 'invalidCode'
  /** The back office refused the code: unknown, used, expired. */
  | 'codeRejected'
  /** The token could not be sealed by the platform's secret store: nothing was recorded. */
  | 'secretStore'
  | SyncErrorReason;

export type EnrolOutcome =
  | { ok: true; deviceId: string; officeId: string; officeName: string }
  | { ok: false; reason: EnrolFailureReason; message: string };

/** What a supervisor typed, tolerantly: case, spaces and a missing dash do not matter. */
export function normalizeEnrolmentCode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

export function normalizeBackofficeUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** HTTP statuses with which the back office says "this code is not valid", as opposed to "try later". */
const CODE_REFUSED = new Set([400, 401, 403, 404, 409, 410, 422]);

export interface EnrolDeps {
  db: ShubbakDb;
  platform: Pick<KioskPlatform, 'writeSecret' | 'readSecret'>;
  fetch: FetchLike;
  timeoutMs: number;
  now: () => number;
  backofficePolicy?: BackofficeUrlPolicy;
}

/**
 * Enrols the kiosk with a one-time code. The device token goes to the platform's secret store
 * (never to IndexedDB in clear) BEFORE the identity is recorded, so a kiosk never believes it is
 * enrolled without a token. Returns the token on success so the caller can use it at once.
 */
export async function enrolKiosk(
  deps: EnrolDeps,
  input: { backofficeUrl: string; code: string; kioskLabel: string },
): Promise<{ outcome: EnrolOutcome; deviceToken: string | null }> {
  const refuse = (reason: EnrolFailureReason, message: string) => ({ outcome: { ok: false as const, reason, message }, deviceToken: null });
  const backofficeUrl = normalizeBackofficeUrl(input.backofficeUrl);
  if (!backofficeUrl) return refuse('invalidUrl', 'the back-office address is not an http(s) URL');
  if (backofficeUrlProblem(backofficeUrl, deps.backofficePolicy ?? SECURE_ONLY) === 'insecureHttp') {
    return refuse('insecureUrl', 'plain http:// is allowed only to this machine unless the operator allows it in kiosk-config.json');
  }
  const body = enrolRequestSchema.safeParse({ code: normalizeEnrolmentCode(input.code), kioskLabel: input.kioskLabel.trim() });
  if (!body.success) return refuse('invalidCode', body.error.issues[0]?.message ?? 'invalid enrolment code or kiosk label');

  const transport = createTransport({ baseUrl: backofficeUrl, fetch: deps.fetch, timeoutMs: deps.timeoutMs, now: deps.now });
  let answer: EnrolResponse;
  try {
    // The token this tablet held before (revoked or not) lets the back office replace its old
    // device instead of keeping a second one beside it.
    const previous = enrolRequestSchema.shape.previousDeviceToken.safeParse((await deps.platform.readSecret('deviceToken').catch(() => null)) ?? undefined);
    answer = await transport.enrol({ ...body.data, ...(previous.success && previous.data ? { previousDeviceToken: previous.data } : {}) });
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    if (error.status !== null && CODE_REFUSED.has(error.status)) return refuse('codeRejected', error.message);
    return refuse(error.reason, error.message);
  }
  const sealed = await deps.platform.writeSecret('deviceToken', answer.deviceToken);
  if (!sealed.ok) return refuse('secretStore', `secret store: ${sealed.reason}`);
  await saveEnrolment(deps.db, { ...answer, backofficeUrl });
  return {
    outcome: { ok: true, deviceId: answer.deviceId, officeId: answer.officeId, officeName: answer.officeName },
    deviceToken: answer.deviceToken,
  };
}
