import { findService, type Catalogue, type Service } from '../../../src/domain/catalogue';
import { canonicalRequestJson, validateIdentity, validateServiceFields, type CitizenRequest } from '../../../src/domain/request';
import { pushItemSchema } from '../../../src/domain/syncProtocol';
import { checkTrackingCode } from '../../../src/domain/trackingCode';
import { shapeViolation, type ShapeLimits } from '../http/bounds';
import type { ValidPushItem } from '../store/types';
import { cleanRequestText } from './requestText';
import { wireErrors, wirePath, type WireFieldError } from './fieldErrors';
import { requestSearchTerms } from './searchTerms';

export type CheckedItem = ({ ok: true } & ValidPushItem) | { ok: false; id: string | null; kioskSeq: number | null; errors: WireFieldError[] };

/** A schema-valid request, before its catalogue check. */
export type ParsedItem = { ok: true; request: CitizenRequest } | Extract<CheckedItem, { ok: false }>;

function field<T>(raw: unknown, key: string, guard: (v: unknown) => v is T): T | null {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, key)) return null;
  const value = (raw as Record<string, unknown>)[key];
  return guard(value) ? value : null;
}
const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= 100;
const isKioskSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** Enough for a supervisor to see what is wrong; a hostile item with thousands of keys does not inflate the answer. */
export const MAX_ERRORS_PER_ITEM = 20;

/**
 * A pushed request's largest legitimate string is a 500-character field; it has about ten keys at
 * the top, and a service has far fewer than 64 fields. Anything beyond is refused before parsing.
 */
export const PUSH_ITEM_LIMITS: ShapeLimits = { maxStringLength: 1_000, maxKeyLength: 64, maxKeys: 64, maxArrayLength: 16 };

/** Step 1: the shape, strictly (no coercion, no unknown keys). What can be read of a bad item is kept for the answer. */
export function parsePushItem(raw: unknown): ParsedItem {
  const oversized = shapeViolation(raw, PUSH_ITEM_LIMITS);
  if (oversized) {
    const error = { path: wirePath(oversized.path === '' ? [] : oversized.path.split('.')), code: oversized.code };
    return { ok: false, id: field(raw, 'id', isString), kioskSeq: field(raw, 'kioskSeq', isKioskSeq), errors: [error] };
  }
  const result = pushItemSchema.safeParse(raw);
  if (result.success) return { ok: true, request: result.data };
  return { ok: false, id: field(raw, 'id', isString), kioskSeq: field(raw, 'kioskSeq', isKioskSeq), errors: wireErrors(result.error).slice(0, MAX_ERRORS_PER_ITEM) };
}

/** A service's field keys, made once per catalogue object rather than once per pushed item. */
const FIELD_KEYS = new WeakMap<Service, ReadonlySet<string>>();
function fieldKeysOf(service: Service): ReadonlySet<string> {
  let keys = FIELD_KEYS.get(service);
  if (!keys) FIELD_KEYS.set(service, (keys = new Set(service.fields.map((f) => f.key))));
  return keys;
}

/**
 * Step 2: the rules of the office. The request is checked against the catalogue version it was
 * made with (a kiosk may have been offline across a catalogue change), or the current one when
 * that version is not kept. An inactive service is accepted: it was offered when the citizen asked.
 * `today` bounds dates; the caller gives it a day of slack, since the kiosk's day may begin before UTC's.
 */
export function checkAgainstCatalogue(request: CitizenRequest, catalogue: Catalogue | null, today: string): CheckedItem {
  const invalid = (errors: WireFieldError[]): CheckedItem => ({ ok: false, id: request.id, kioskSeq: request.kioskSeq, errors });
  // The schema accepts what a person might type; a kiosk must send the canonical form staff will look up.
  const code = checkTrackingCode(request.trackingCode);
  if (code.ok && code.code !== request.trackingCode) return invalid([{ path: 'trackingCode', code: 'notCanonical' }]);
  const service = catalogue ? findService(catalogue, request.serviceId) : undefined;
  if (!service) return invalid([{ path: 'serviceId', code: 'unknownService' }]);
  const errors: WireFieldError[] = [];
  const known = fieldKeysOf(service);
  for (const key of Object.keys(request.fields)) {
    if (!known.has(key)) errors.push({ path: wirePath(['fields', key]), code: 'unknownField' });
    // A hostile item with thousands of unknown keys costs a bounded answer, and no further checks.
    if (errors.length >= MAX_ERRORS_PER_ITEM) return invalid(errors);
  }
  // Free text first, through the shared rule (folding Arabic presentation forms before the script check),
  // then the field rules on the cleaned values; what is stored is what was validated, never the raw body.
  const cleaned = cleanRequestText(request, service);
  if (!cleaned.ok) return invalid(cleaned.errors.slice(0, MAX_ERRORS_PER_ITEM));
  const identity = validateIdentity(cleaned.request.identity, today);
  if (!identity.ok) errors.push(...identity.errors);
  const fields = validateServiceFields(service, cleaned.request.fields, today);
  if (!fields.ok) errors.push(...fields.errors);
  if (errors.length > 0 || !identity.ok || !fields.ok) return invalid(errors.slice(0, MAX_ERRORS_PER_ITEM));
  const stored: CitizenRequest = { ...request, identity: identity.identity, fields: fields.fields };
  return { ok: true, request: stored, canonical: canonicalRequestJson(stored), searchTerms: requestSearchTerms(stored), delayDays: service.delayDays ?? null };
}
