import type { AccountDeleted, MyRequest } from '../../../src/domain/portal/requests';
import { MY_REQUESTS_MAX, portalPushItemSchema } from '../../../src/domain/portal/requests';
import type { PortalOffice } from '../../../src/domain/portal/offices';
import type { PushResult } from '../../../src/domain/syncProtocol';
import { statusProofSchema } from '../../../src/domain/statusProof';
import { ApiError } from '../service/apiError';
import { wireErrors } from '../service/fieldErrors';
import { ingestBatch } from '../service/ingest';
import type { PortalRequestRecord } from '../store/portalTypes';
import type { Store } from '../store/types';
import type { PortalCaller } from './portalSession';

const NOT_FOUND = new ApiError(404, 'not_found', 'Nothing here.');
const NOT_WITHDRAWABLE = new ApiError(409, 'not_withdrawable', 'The office has begun processing this request: it can no longer be withdrawn here.');

export interface PortalContext {
  store: Store;
  now: Date;
  log?: (details: Record<string, unknown>, message: string) => void;
}

/**
 * Offices a citizen can choose: served (not revoked, with a catalogue), with their identity's
 * names, address and hours. An office without an identity shows its registered name in every
 * language and says nothing of its address or hours (the app shows a neutral text).
 */
export async function portalOffices(store: Store): Promise<PortalOffice[]> {
  const offices = await store.listServedOffices();
  return Promise.all(
    offices.map(async (office): Promise<PortalOffice> => {
      const identity = await store.getOfficeIdentity(office.id);
      return {
        id: office.id,
        names: identity?.names ?? { ar: office.name, zgh: office.name, fr: office.name, en: office.name },
        address: identity?.address ?? null,
        openingHours: identity?.openingHours ?? [],
      };
    }),
  );
}

function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'request')) return null;
  const request = (raw as { request: unknown }).request;
  if (typeof request !== 'object' || request === null || !Object.hasOwn(request, 'id')) return null;
  const id = (request as { id: unknown }).id;
  return typeof id === 'string' && id.length <= 100 ? id : null;
}

/**
 * The portal's push: the kiosk's ingest (same checks, same idempotency, same answers), run per
 * chosen office with the caller's installation as the device, stamped `portal` and bound to the
 * account by the store. An item naming an office the citizen cannot choose is `invalid`.
 */
export async function pushPortalRequests(context: PortalContext, caller: PortalCaller, items: readonly unknown[]): Promise<PushResult[]> {
  const served = new Set((await context.store.listServedOffices()).map((office) => office.id));
  const results: (PushResult | undefined)[] = new Array<PushResult | undefined>(items.length);
  const byOffice = new Map<string, { index: number; request: unknown }[]>();
  items.forEach((raw, index) => {
    const parsed = portalPushItemSchema.safeParse(raw);
    if (!parsed.success) {
      results[index] = { id: idOf(raw), outcome: 'invalid', errors: wireErrors(parsed.error).slice(0, 20) };
    } else if (!served.has(parsed.data.officeId)) {
      results[index] = { id: idOf(raw), outcome: 'invalid', errors: [{ path: 'officeId', code: 'unknownOffice' }] };
    } else {
      const group = byOffice.get(parsed.data.officeId) ?? [];
      group.push({ index, request: parsed.data.request });
      byOffice.set(parsed.data.officeId, group);
    }
  });
  for (const [officeId, group] of byOffice) {
    const outcomes = await ingestBatch(
      {
        store: context.store,
        deviceId: caller.installationId,
        officeId,
        now: context.now,
        portalAccountId: caller.accountId,
        ...(context.log ? { log: context.log } : {}),
      },
      group.map((entry) => entry.request),
    );
    // The errors' paths are the request's own, as at the kiosk, so the same outbox code reads them.
    group.forEach((entry, i) => {
      results[entry.index] = outcomes[i]!;
    });
  }
  return results.map((result) => result!);
}

export function toMyRequest(record: PortalRequestRecord): MyRequest {
  let proof = null;
  if (record.statusProof !== null) {
    try {
      const parsed = statusProofSchema.safeParse(JSON.parse(record.statusProof));
      proof = parsed.success ? parsed.data : null;
    } catch {
      proof = null;
    }
  }
  return {
    id: record.id,
    trackingCode: record.trackingCode,
    serviceId: record.serviceId,
    officeId: record.officeId,
    status: record.status,
    receivedAt: record.receivedAt,
    statusAt: record.statusAt,
    reasonCode: record.reasonCode,
    reason: record.reason,
    statusProof: proof,
    withdrawable: record.status === 'received',
  };
}

export async function myRequests(store: Store, caller: PortalCaller): Promise<MyRequest[]> {
  return (await store.portalRequests(caller.accountId, MY_REQUESTS_MAX)).map(toMyRequest);
}

/**
 * Withdraws a request still `received`: refused with `withdrawnByCitizen` through the status log
 * (so the office's queue, its kiosks and the citizen's messages see it like any refusal), then
 * its personal data emptied at once. Audited. Another account's request is 404, like none.
 */
export async function withdrawRequest(context: PortalContext, accountId: string, requestId: string): Promise<MyRequest> {
  const { store } = context;
  const request = await store.portalRequest(accountId, requestId);
  if (!request) throw NOT_FOUND;
  if (request.status !== 'received') throw NOT_WITHDRAWABLE;
  const at = context.now.toISOString();
  const outcome = await store.appendStatus({
    requestId,
    expected: 'received',
    status: 'refused',
    reason: null,
    reasonCode: 'withdrawnByCitizen',
    at,
    by: `portal:${accountId}`,
  });
  // Staff moved it between the read and the append: it is theirs now.
  if (!outcome.ok) throw NOT_WITHDRAWABLE;
  await store.emptyWithdrawnRequest(requestId, at);
  await store.appendStaffAudit({ at, staffId: null, officeId: request.officeId, action: 'portal.request.withdrawn', requestId, detail: '' });
  const after = await store.portalRequest(accountId, requestId);
  return toMyRequest(after ?? request);
}

/** Law 09-08: see docs/portal.md ("Law 09-08"). The caller's session ends with the account. */
export async function deleteAccount(context: PortalContext, caller: PortalCaller): Promise<AccountDeleted> {
  const { store } = context;
  const requests = await store.portalRequests(caller.accountId, Number.MAX_SAFE_INTEGER);
  let withdrawn = 0;
  for (const request of requests) {
    if (request.status !== 'received') continue;
    try {
      await withdrawRequest(context, caller.accountId, request.id);
      withdrawn++;
    } catch (error) {
      // Taken up by staff meanwhile: kept, detached, like any processed request.
      if (!(error instanceof ApiError && error.code === 'not_withdrawable')) throw error;
    }
  }
  const deleted = await store.deletePortalAccount({
    accountId: caller.accountId,
    at: context.now.toISOString(),
    auditDetail: JSON.stringify({ withdrawn, requests: requests.length }),
  });
  if (!deleted) throw NOT_FOUND;
  return { deleted: true, withdrawn, detached: Math.max(0, deleted.detached - withdrawn) };
}
