import { z } from 'zod';
import { identitySchema } from '../identity';
import { localeSchema, localizedTextSchema } from '../locales';
import { refusalReasonCodeSchema } from '../refusalReasons';
import { remoteStatusSchema } from '../status';
import { consoleActionSchema } from './actions';
import { channelSchema, staffRefSchema } from './requestRow';

/** One paper of the service's documents list, as the agent ticked it at the counter. */
export const checklistItemSchema = z.strictObject({
  /** Position in the service's `documents` of the catalogue version the request was made with. */
  index: z.int().nonnegative(),
  label: localizedTextSchema,
  checked: z.boolean(),
  /** Who last ticked or unticked it, and when; null while nobody has. */
  by: staffRefSchema.nullable(),
  at: z.iso.datetime().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const COLLECTOR_KINDS = ['holder', 'proxy'] as const;
/** Who took the paper: the holder, or a proxy identified by name and CIN. */
export const collectorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('holder') }),
  z.strictObject({
    kind: z.literal('proxy'),
    name: z.string().trim().min(1).max(120),
    cin: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}\d{5,6}$/),
  }),
]);
export type Collector = z.infer<typeof collectorSchema>;

/**
 * The request's history, oldest first. `created` is the kiosk's clock, `received` the back
 * office's; every other event is a staff member's, with who.
 */
export const TIMELINE_KINDS = [
  'created',
  'received',
  'assigned',
  'released',
  'documentChecked',
  'documentUnchecked',
  'status',
  'certificateIssued',
  'certificateRevoked',
  'collected',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEventSchema = z.strictObject({
  kind: z.enum(TIMELINE_KINDS),
  at: z.iso.datetime(),
  /** The staff member who acted; null for `created`, `received` and CLI changes. */
  by: staffRefSchema.nullable(),
  /** For `created` and `received`: the kiosk. */
  kiosk: z.strictObject({ id: z.string().min(1), label: z.string().min(1) }).nullable(),
  /** For `status`: the new status; `refused` carries its reason code and text. */
  status: remoteStatusSchema.nullable(),
  reasonCode: refusalReasonCodeSchema.nullable(),
  reason: z.string().nullable(),
  /** For `documentChecked`/`documentUnchecked`: the checklist index. */
  documentIndex: z.int().nonnegative().nullable(),
  /** For `collected`. */
  collector: collectorSchema.nullable(),
  /** For the certificate events: its number. */
  certificateNumber: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const requestFieldSchema = z.strictObject({
  key: z.string().min(1),
  /** From the catalogue version the request was made with; null when the field is no longer known. */
  label: localizedTextSchema.nullable(),
  value: z.string(),
});

/** A message to the citizen about this request (docs/messages.md): where it stands, never its recipient or text. */
export const requestMessageSchema = z.strictObject({
  kind: z.enum(['notification', 'forward']),
  channel: z.enum(['sms', 'email', 'http']),
  state: z.enum(['pending', 'sent', 'failed']),
  attempts: z.int().nonnegative(),
  /** A short code (`smtp_550`, `sms_timeout`, `channel_not_configured`), or null. */
  lastError: z.string().max(100).nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type RequestMessage = z.infer<typeof requestMessageSchema>;

/** Everything the request page shows. Reading it is audited as a view of personal data. */
export const requestDetailSchema = z.strictObject({
  id: z.string().min(1),
  officeId: z.string().min(1),
  trackingCode: z.string().min(1),
  channel: channelSchema,
  service: z.strictObject({
    id: z.string().min(1),
    /** Null when the service is no longer in the office's catalogue. */
    name: localizedTextSchema.nullable(),
    delayDays: z.int().positive().nullable(),
  }),
  status: remoteStatusSchema,
  version: z.int().nonnegative(),
  /** The language the citizen used at the kiosk (the one to speak at the counter). */
  locale: localeSchema,
  /** Null once the retention purge emptied the request. */
  identity: identitySchema.nullable(),
  fields: z.array(requestFieldSchema),
  checklist: z.array(checklistItemSchema),
  kiosk: z.strictObject({ id: z.string().min(1), label: z.string().min(1) }).nullable(),
  createdAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  /** receivedAt + the service's delay; null when the service announces none. */
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  assignee: staffRefSchema.nullable(),
  refusal: z.strictObject({ reasonCode: refusalReasonCodeSchema, reason: z.string().nullable() }).nullable(),
  collection: z.strictObject({ collector: collectorSchema, at: z.iso.datetime(), by: staffRefSchema }).nullable(),
  timeline: z.array(timelineEventSchema),
  /** The messages sent (or to send) to the citizen about it, oldest first; absent from older back offices. */
  messages: z.array(requestMessageSchema).optional(),
  /** Only what the status machine, the role and the holder allow (see console/actions.ts). */
  allowedActions: z.array(consoleActionSchema),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;
