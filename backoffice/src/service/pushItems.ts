import { findService, type Catalogue } from '../../../src/domain/catalogue';
import { canonicalRequestJson, validateIdentity, validateServiceFields, type CitizenRequest } from '../../../src/domain/request';
import { pushItemSchema } from '../../../src/domain/syncProtocol';
import { checkTrackingCode } from '../../../src/domain/trackingCode';
import type { ValidPushItem } from '../store/types';
import { wireErrors, type WireFieldError } from './fieldErrors';
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

/** Step 1: the shape, strictly (no coercion, no unknown keys). What can be read of a bad item is kept for the answer. */
export function parsePushItem(raw: unknown): ParsedItem {
  const result = pushItemSchema.safeParse(raw);
  if (result.success) return { ok: true, request: result.data };
  return { ok: false, id: field(raw, 'id', isString), kioskSeq: field(raw, 'kioskSeq', isKioskSeq), errors: wireErrors(result.error).slice(0, MAX_ERRORS_PER_ITEM) };
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
  const identity = validateIdentity(request.identity, today);
  if (!identity.ok) errors.push(...identity.errors);
  const fields = validateServiceFields(service, request.fields, today);
  if (!fields.ok) errors.push(...fields.errors);
  const known = new Set(service.fields.map((f) => f.key));
  for (const key of Object.keys(request.fields)) {
    if (!known.has(key)) errors.push({ path: `fields.${key}`, code: 'unknownField' });
  }
  if (errors.length) return invalid(errors);
  return { ok: true, request, canonical: canonicalRequestJson(request), searchTerms: requestSearchTerms(request), delayDays: service.delayDays ?? null };
}
