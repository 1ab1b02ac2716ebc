import { z } from 'zod';
import { findService, type Catalogue, type Service } from '../../../src/domain/catalogue';
import { allowedActions } from '../../../src/domain/console/actions';
import { collectorSchema, type RequestDetail, type TimelineEvent } from '../../../src/domain/console/requestDetail';
import type { StaffRole } from '../../../src/domain/console/roles';
import type { EventRow, WorkRow } from '../store/consoleTypes';
import type { Store } from '../store/types';
import { ApiError } from './apiError';
import { isOverdue, storedRequest } from './consoleRows';

/**
 * What the certificate part of the back office (h9-certs) tells the request page: whether a
 * service issues a certificate, and whether a request holds a valid one. Without it, none does.
 */
export interface CertificateFacts {
  issuesCertificate(service: Service | undefined): boolean;
  hasValidCertificate(requestId: string): Promise<boolean>;
}

export const NO_CERTIFICATES: CertificateFacts = {
  issuesCertificate: () => false,
  hasValidCertificate: async () => false,
};

/** The details an event may carry besides its columns (see RequestMutation.event.detail). */
const eventDetailSchema = z.object({
  documentIndex: z.int().nonnegative().optional(),
  collector: collectorSchema.optional(),
  certificateNumber: z.string().optional(),
});

const STATUS_KINDS = new Set(['received', 'status', 'collected', 'certificateIssued']);

function toTimelineEvent(event: EventRow, kiosk: { id: string; label: string }): TimelineEvent {
  const detail = eventDetailSchema.safeParse(JSON.parse(event.detail));
  const extra = detail.success ? detail.data : {};
  return {
    kind: event.kind,
    at: event.at,
    by: event.staffId && event.staffName ? { id: event.staffId, name: event.staffName } : null,
    kiosk: event.kind === 'received' ? kiosk : null,
    status: STATUS_KINDS.has(event.kind) ? event.status : null,
    reasonCode: event.reasonCode,
    reason: event.reason,
    documentIndex: extra.documentIndex ?? null,
    collector: extra.collector ?? null,
    certificateNumber: extra.certificateNumber ?? null,
  };
}

/** The request's service in the catalogue version it was made with (or the office's current one). */
async function serviceOf(store: Store, row: WorkRow, catalogueVersion: number | undefined): Promise<Service | undefined> {
  const catalogue: Catalogue | null =
    (catalogueVersion === undefined ? null : await store.getCatalogue(row.officeId, catalogueVersion)) ?? (await store.getCatalogue(row.officeId));
  return catalogue ? findService(catalogue, row.serviceId) : undefined;
}

/** The service's fields in the order the kiosk asked them (the stored body sorts its keys), unknown ones last. */
function fieldsInCatalogueOrder(fields: Record<string, string>, service: Service | undefined) {
  const order = service?.fields.map((field) => field.key) ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(fields)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => ({ key, label: service?.fields.find((field) => field.key === key)?.label ?? null, value }));
}

export async function findWorkRow(store: Store, officeId: string, requestId: string): Promise<WorkRow> {
  const row = await store.getWorkRow(officeId, requestId);
  if (!row) throw new ApiError(404, 'not_found', 'No such request in this office.');
  return row;
}

export interface PageContext {
  store: Store;
  certificates: CertificateFacts;
  now: Date;
  staffId: string;
  role: StaffRole;
}

/** Everything the request page shows, and only the actions the caller may take. */
export async function requestDetail(context: PageContext, row: WorkRow): Promise<RequestDetail> {
  const { store } = context;
  const request = storedRequest(row.body);
  const service = await serviceOf(store, row, request?.catalogueVersion);
  const [events, ticks, hasValidCertificate, messages] = await Promise.all([
    store.timeline(row.id),
    store.checklist(row.id),
    context.certificates.hasValidCertificate(row.id),
    store.messagesOfRequest(row.officeId, row.id),
  ]);
  const kiosk = { id: row.deviceId, label: row.kioskLabel };
  const timeline = events.map((event) => toTimelineEvent(event, kiosk));
  if (request) {
    timeline.unshift({
      ...{ kind: 'created', at: request.createdAt, by: null, kiosk, status: null, reasonCode: null, reason: null },
      ...{ documentIndex: null, collector: null, certificateNumber: null },
    });
  }
  const refusal = row.status === 'refused' ? timeline.findLast((event) => event.status === 'refused') : undefined;
  const collected = timeline.findLast((event) => event.kind === 'collected');
  return {
    id: row.id,
    officeId: row.officeId,
    trackingCode: row.trackingCode,
    channel: row.channel,
    service: { id: row.serviceId, name: service?.name ?? null, delayDays: service?.delayDays ?? null },
    status: row.status,
    version: row.version,
    locale: request?.locale ?? 'ar',
    identity: request?.identity ?? null,
    fields: fieldsInCatalogueOrder(request?.fields ?? {}, service),
    checklist: (service?.documents ?? []).map((label, index) => {
      const tick = ticks.find((t) => t.index === index);
      return {
        index,
        label,
        checked: tick?.checked ?? false,
        by: tick ? { id: tick.staffId, name: tick.staffName } : null,
        at: tick?.at ?? null,
      };
    }),
    kiosk,
    createdAt: request?.createdAt ?? row.receivedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    overdue: isOverdue(row.status, row.dueAt, context.now),
    assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    refusal: refusal ? { reasonCode: refusal.reasonCode ?? 'other', reason: refusal.reason } : null,
    collection:
      collected?.collector && collected.by ? { collector: collected.collector, at: collected.at, by: collected.by } : null,
    timeline,
    messages: messages.map(({ kind, channel, state, attempts, lastError, createdAt, sentAt }) => ({ kind, channel, state, attempts, lastError, createdAt, sentAt })),
    allowedActions: allowedActions({
      status: row.status,
      role: context.role,
      assigneeId: row.assigneeId,
      staffId: context.staffId,
      issuesCertificate: context.certificates.issuesCertificate(service),
      hasValidCertificate,
    }),
  };
}
