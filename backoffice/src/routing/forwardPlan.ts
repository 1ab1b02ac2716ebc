import { randomUUID } from 'node:crypto';
import { findService, type Service } from '../../../src/domain/catalogue';
import { chooseBody } from '../../../src/domain/routing';
import { ApiError } from '../service/apiError';
import type { WorkRow } from '../store/consoleTypes';
import type { NewForward } from '../store/directoryTypes';
import type { Store } from '../store/types';
import { newReplyNonce } from './replyToken';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The request's service in the catalogue version it was made with, else the office's current one. */
export async function serviceOfRow(store: Store, row: Pick<WorkRow, 'officeId' | 'serviceId' | 'body'>): Promise<Service | undefined> {
  const version = row.body === '' ? undefined : (JSON.parse(row.body) as { catalogueVersion?: number }).catalogueVersion;
  const catalogue = (version === undefined ? null : await store.getCatalogue(row.officeId, version)) ?? (await store.getCatalogue(row.officeId));
  return catalogue ? findService(catalogue, row.serviceId) : undefined;
}

/**
 * Whether accepting this request forwards it, and to whom: null when the annex handles the service
 * itself, or when the directory has no body of the service's kind (routing is opt-in per kind).
 * When bodies of the kind exist but none covers this request (its commune is not listed), the
 * acceptance is refused (409 `no_body_for_service`) rather than left unsent: the admin adds it first.
 */
export async function planForward(store: Store, row: WorkRow, now: Date): Promise<NewForward | null> {
  const service = await serviceOfRow(store, row);
  if (!service || row.body === '') return null;
  const fields = (JSON.parse(row.body) as { fields?: Record<string, string> }).fields ?? {};
  const choice = chooseBody(service.handledBy, fields, await store.listBodies(row.officeId));
  if (choice.route === 'annex' || choice.route === 'unrouted') return null;
  if (choice.route === 'noBody') {
    throw new ApiError(
      409,
      'no_body_for_service',
      `This service is handled by a body of kind "${choice.kind}" and none of the directory's covers this request (its commune?): an admin adds it (directory page, or add-body) before the request is accepted.`,
    );
  }
  return {
    id: randomUUID(),
    bodyId: choice.body.id,
    nonce: newReplyNonce(),
    dueAt: service.delayDays === undefined ? null : new Date(now.getTime() + service.delayDays * DAY_MS).toISOString(),
  };
}
