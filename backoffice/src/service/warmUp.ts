import { v7 as uuidv7 } from 'uuid';
import type { FieldDefinition, Service } from '../../../src/domain/catalogue';
import type { CitizenRequest } from '../../../src/domain/request';
import { pushRequestSchema } from '../../../src/domain/syncProtocol';
import { formatTrackingCode } from '../../../src/domain/trackingCode';
import type { Store } from '../store/types';
import { checkAgainstCatalogue, parsePushItem } from './pushItems';

/**
 * What an instance does before it listens, so that the first pushes after a restart (when a
 * whole fleet reconnects at once) do not pay for it: it reads the offices' current catalogues
 * into its cache (each first push of an office would otherwise read and parse it), and runs the
 * push's real validation on synthetic batches so that V8 has compiled that path. Nothing is
 * written. Bounded: at most `maxOffices` catalogues (one query), and validation stops at
 * `validationItems` items or `validationMs`, whichever comes first; the synthetic items are made
 * a batch at a time and dropped, so memory holds one batch beyond the catalogues the cache would
 * hold after the first minute of service anyway. docs/operations.md, docs/performance.md.
 */
export interface WarmUpLimits {
  maxOffices: number;
  validationItems: number;
  validationMs: number;
}

export const DEFAULT_WARM_UP: WarmUpLimits = { maxOffices: 5_000, validationItems: 6_000, validationMs: 1_500 };

export interface WarmUpReport {
  catalogues: number;
  validatedItems: number;
  ms: number;
}

/** A push's largest batch is bigger; this size is what kiosks send most (a few citizens at a time, or a backlog). */
const BATCH = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function warmUp(store: Store, limits: WarmUpLimits = DEFAULT_WARM_UP, now: Date = new Date()): Promise<WarmUpReport> {
  const started = performance.now();
  const catalogues = await store.cacheCurrentCatalogues(limits.maxOffices);
  const sample = catalogues.find((catalogue) => catalogue.services.some((service) => service.fields.length > 0));
  let validatedItems = 0;
  if (sample) {
    const services = sample.services;
    const today = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
    const at = now.toISOString();
    const deadline = started + limits.validationMs;
    for (let seq = 1; validatedItems < limits.validationItems && performance.now() < deadline; ) {
      const items = Array.from({ length: BATCH }, () => sampleRequest(services[seq % services.length]!, sample.version, seq++, at));
      // Through JSON as on the wire: the parsers then meet the objects a request body gives them.
      const body: unknown = JSON.parse(JSON.stringify({ items }));
      for (const item of pushRequestSchema.parse(body).items) {
        const parsed = parsePushItem(item);
        if (parsed.ok) checkAgainstCatalogue(parsed.request, sample, today);
      }
      validatedItems += BATCH;
    }
  }
  return { catalogues: catalogues.length, validatedItems, ms: Math.round(performance.now() - started) };
}

/** A tracking prefix no kiosk is given (letters, checked like any other); the items are never stored. */
const WARM_UP_PREFIX = 'WRM';

/** An identity every identity rule accepts: the warm-up's and the benchmarks' requests carry it. */
export const SAMPLE_IDENTITY: CitizenRequest['identity'] = {
  cin: 'AB123456',
  lastNameLatin: 'El Amrani',
  firstNameLatin: 'Fatima',
  lastNameArabic: 'العمراني',
  firstNameArabic: 'فاطمة',
  dateOfBirth: '1988-03-14',
  phone: '+212612345678',
};

/** A request a kiosk could have sent for `service`: every field filled with a value its kind accepts. */
export function sampleRequest(service: Service, catalogueVersion: number, kioskSeq: number, at: string): CitizenRequest {
  return {
    id: uuidv7(),
    kioskSeq,
    trackingCode: formatTrackingCode(WARM_UP_PREFIX, kioskSeq),
    serviceId: service.id,
    catalogueVersion,
    locale: 'ar',
    identity: SAMPLE_IDENTITY,
    fields: Object.fromEntries(service.fields.map((field) => [field.key, sampleValue(field)])),
    consent: { noticeVersion: 1, acceptedAt: at },
    createdAt: at,
  };
}

function sampleValue(field: FieldDefinition): string {
  const value = SAMPLE_VALUES[field.kind];
  if (field.kind === 'select') return field.options?.[0]?.value ?? value;
  return field.maxLength === undefined ? value : value.slice(0, field.maxLength);
}

const SAMPLE_VALUES: Record<FieldDefinition['kind'], string> = {
  text: 'Berkane',
  arabicText: 'بركان',
  digits: '1234',
  date: '1988-03-14',
  year: '1988',
  cin: 'AB123456',
  phone: '+212612345678',
  postalCode: '60000',
  select: '',
};
