import { z } from 'zod';
import type { Service } from './catalogue';
import { contactChoiceSchema, type ContactChoice } from './contact';
import { IDENTITY_FIELDS, identitySchema, type Identity } from './identity';
import { localeSchema, type Locale } from './locales';
import { statusProofSchema, type StatusProof } from './statusProof';
import { checkTrackingCode } from './trackingCode';
import { validateValue, type FieldError } from './validation';

/** Version of the law 09-08 notice the citizen accepted; bump it when the notice text changes. */
export const CONSENT_NOTICE_VERSION = 1;

export const consentSchema = z.strictObject({
  noticeVersion: z.int().positive(),
  /** Kiosk clock at acceptance: metadata, never used for ordering. */
  acceptedAt: z.iso.datetime(),
});

/**
 * A citizen's request as it leaves the kiosk. `id` (UUID v7, made on the kiosk) is the
 * idempotency key; `kioskSeq` is the kiosk's own increasing sequence, so the back office can
 * see gaps and replays; `trackingCode` is what the citizen reads at the counter.
 */
export const citizenRequestSchema = z.strictObject({
  id: z.uuid({ version: 'v7' }),
  kioskSeq: z.int().positive(),
  trackingCode: z.string().refine((code) => checkTrackingCode(code).ok, 'invalid tracking code'),
  serviceId: z.string().regex(/^[a-z][a-z0-9_]*$/),
  catalogueVersion: z.int().nonnegative(),
  locale: localeSchema,
  identity: identitySchema,
  fields: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.string().max(500)),
  consent: consentSchema,
  createdAt: z.iso.datetime(),
  /** What lets any kiosk of the office check that a status lookup comes from the holder (statusProof.ts). */
  statusProof: statusProofSchema.optional(),
  /** How the citizen wants to hear about it (contact.ts); absent from older kiosks: no message. */
  contact: contactChoiceSchema.optional(),
});
export type CitizenRequest = z.infer<typeof citizenRequestSchema>;

/** What the citizen has typed so far: raw strings, kept across language switches. */
export interface RequestDraft {
  serviceId: string;
  identity: Partial<Record<keyof Identity, string>>;
  fields: Record<string, string>;
}

export function emptyDraft(serviceId: string): RequestDraft {
  return { serviceId, identity: {}, fields: {} };
}

/**
 * `atEntry`: the kiosk checks what the citizen types against plausibility bounds too (a holder's
 * date of birth under MIN_CIN_HOLDER_AGE_YEARS); the back office does not, so a request taken by
 * a kiosk whose bounds differ is never turned into an item that can never be delivered.
 */
export function validateIdentity(
  identity: RequestDraft['identity'],
  today: string,
  { atEntry = false }: { atEntry?: boolean } = {},
): { ok: true; identity: Identity } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean: Record<string, string> = {};
  for (const { minAgeYears, ...rule } of IDENTITY_FIELDS) {
    const field = atEntry ? { ...rule, minAgeYears } : rule;
    const result = validateValue(field, identity[field.key], today);
    if (result.ok) clean[field.key] = result.value;
    else errors.push({ path: `identity.${field.key}`, code: result.code });
  }
  return errors.length ? { ok: false, errors } : { ok: true, identity: identitySchema.parse(clean) };
}

export function validateServiceFields(
  service: Pick<Service, 'fields'>,
  fields: Record<string, string | undefined>,
  today: string,
): { ok: true; fields: Record<string, string> } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean: Record<string, string> = {};
  for (const field of service.fields) {
    const result = validateValue(field, fields[field.key], today);
    if (!result.ok) errors.push({ path: `fields.${field.key}`, code: result.code });
    else if (result.value !== '') clean[field.key] = result.value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, fields: clean };
}

export interface RequestStamp {
  id: string;
  kioskSeq: number;
  trackingCode: string;
  catalogueVersion: number;
  locale: Locale;
  /** ISO date-time from the kiosk clock. */
  now: string;
  statusProof?: StatusProof;
  /** How the citizen wants to hear about it (the portal asks; contact.ts). */
  contact?: ContactChoice;
}

/** Builds the request from a complete draft; the same checks the back office will run again. */
export function buildRequest(
  draft: RequestDraft,
  service: Service,
  stamp: RequestStamp,
): { ok: true; request: CitizenRequest } | { ok: false; errors: FieldError[] } {
  const today = stamp.now.slice(0, 10);
  const identity = validateIdentity(draft.identity, today, { atEntry: true });
  const fields = validateServiceFields(service, draft.fields, today);
  const errors = [...(identity.ok ? [] : identity.errors), ...(fields.ok ? [] : fields.errors)];
  if (!identity.ok || !fields.ok) return { ok: false, errors };
  const request: CitizenRequest = {
    id: stamp.id,
    kioskSeq: stamp.kioskSeq,
    trackingCode: stamp.trackingCode,
    serviceId: service.id,
    catalogueVersion: stamp.catalogueVersion,
    locale: stamp.locale,
    identity: identity.identity,
    fields: fields.fields,
    consent: { noticeVersion: CONSENT_NOTICE_VERSION, acceptedAt: stamp.now },
    createdAt: stamp.now,
    ...(stamp.statusProof ? { statusProof: stamp.statusProof } : {}),
    ...(stamp.contact ? { contact: stamp.contact } : {}),
  };
  return { ok: true, request: citizenRequestSchema.parse(request) };
}

/**
 * Content equality for idempotency: the same id with the same content is a duplicate,
 * with different content a conflict. Keys are sorted so property order does not matter.
 */
export function canonicalRequestJson(request: CitizenRequest): string {
  try {
    return canonicalJson(request) ?? 'null';
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    return JSON.stringify(sortKeys(request));
  }
}

const NOT_PLAIN = new Error('not plain JSON data');
/** A key JavaScript would list first whatever the insertion order (an array index). */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * The same text as `JSON.stringify(sortKeys(value))`, written directly: the back office computes
 * it for every pushed item, and building sorted copies only to stringify them was a tenth of a
 * push's validation (issue 11). Anything this does not mirror byte for byte (a `toJSON`, an
 * index-like key, which an object lists before the others) throws NOT_PLAIN: the caller then
 * takes the copying path, so stored bodies never change form.
 */
function canonicalJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item) ?? 'null').join(',')}]`;
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw NOT_PLAIN;
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        if (INDEX_KEY.test(key)) throw NOT_PLAIN;
        const text = canonicalJson(record[key]);
        if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw NOT_PLAIN;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
