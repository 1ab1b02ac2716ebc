import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_CATALOGUE_PATH, readCatalogueFile } from '../../backoffice/src/catalogueFile';
import { createOffice, enrolCode, type CommandContext } from '../../backoffice/src/cli/commands';
import { hashSecret, newToken, shuffledPrefixes } from '../../backoffice/src/service/secrets';
import type { Store } from '../../backoffice/src/store/types';
import { canonicalRequestJson, type CitizenRequest } from '../../src/domain/request';
import type { RemoteStatus } from '../../src/domain/status';
import { formatTrackingCode } from '../../src/domain/trackingCode';

/**
 * Fills a store with `total` requests over several offices, through the store itself (no HTTP):
 * the console benchmark measures reading queues, not ingesting them. Names, CINs and services
 * vary so that search has something to tell apart; statuses spread over every queue; reception
 * days spread over the last 90 days.
 */

const FIRST = [
  ['Fatima', 'فاطمة'],
  ['Mohamed', 'محمد'],
  ['Youssef', 'يوسف'],
  ['Khadija', 'خديجة'],
  ['Said', 'سعيد'],
  ['Amina', 'أمينة'],
  ['Karim', 'كريم'],
  ['Nadia', 'نادية'],
  ['Hassan', 'حسن'],
  ['Leila', 'ليلى'],
] as const;
const LAST = [
  ['El Amrani', 'العمراني'],
  ['Benali', 'بنعلي'],
  ['Alaoui', 'العلوي'],
  ['Tazi', 'التازي'],
  ['Berrada', 'برادة'],
  ['Chafik', 'شفيق'],
  ['Ouazzani', 'الوزاني'],
  ['Idrissi', 'الإدريسي'],
  ['Bennani', 'بناني'],
  ['Zerouali', 'الزروالي'],
  ['Lahlou', 'لحلو'],
  ['Kettani', 'الكتاني'],
] as const;

/** Services the starting catalogue offers with fields a generated request can fill. */
const SERVICES: Array<{ id: string; fields: (n: number) => Record<string, string> }> = [
  { id: 'residence', fields: (n) => ({ address: `${n % 300} rue Atlas, Berkane`, proofOfAddress: 'bill' }) },
  { id: 'life', fields: () => ({}) },
  { id: 'single', fields: () => ({}) },
  { id: 'birth_extract', fields: (n) => ({ communeOfBirth: 'Berkane', actNumber: String(1000 + (n % 9000)), actYear: String(1950 + (n % 70)) }) },
  { id: 'kinship', fields: () => ({}) },
  { id: 'indigence', fields: (n) => ({ address: `${n % 200} avenue Mohammed V, Berkane` }) },
];

/** Where the queues end up, out of 20: the spread of a working office. */
const STATUS_PLAN: RemoteStatus[] = ['received', 'received', 'received', 'received', 'inReview', 'inReview', 'inReview', 'ready', 'ready', 'ready', 'collected', 'collected', 'collected', 'collected', 'collected', 'collected', 'collected', 'collected', 'refused', 'refused'];
const PATH: Record<RemoteStatus, RemoteStatus[]> = {
  received: [],
  inReview: ['inReview'],
  ready: ['inReview', 'ready'],
  collected: ['inReview', 'ready', 'collected'],
  refused: ['inReview', 'refused'],
};

export interface SeededRequest {
  officeId: string;
  trackingCode: string;
  cin: string;
  lastNameLatin: string;
}

export interface SeededOffices {
  officeIds: string[];
  /** Each office's kiosk and its bearer token (to send a heartbeat as that kiosk). */
  kiosks: Array<{ officeId: string; deviceId: string; deviceToken: string }>;
  /** A sample of the seeded requests, for search queries. */
  samples: SeededRequest[];
}

/** Batches of up to 500 (one transaction each); smaller for a small seed, so reception days still spread. */
const MAX_BATCH = 500;
const DAY_MS = 86_400_000;

export async function seedOffices(store: Store, options: { total: number; offices: number; now: Date; officeName?: (index: number) => string }): Promise<SeededOffices> {
  const context: CommandContext = { store, now: () => options.now, print: () => undefined, defaultCatalogue: () => readCatalogueFile(DEFAULT_CATALOGUE_PATH) };
  const officeIds = Array.from({ length: options.offices }, (_, index) => `bench-${index + 1}`);
  const samples: SeededRequest[] = [];
  const kiosks: SeededOffices['kiosks'] = [];
  const perOffice = Math.ceil(options.total / officeIds.length);
  // About 50 samples per office, whatever the size.
  const sampleEvery = Math.max(1, Math.floor(perOffice / 50));
  let made = 0;
  for (const [index, officeId] of officeIds.entries()) {
    await createOffice(context, { id: officeId, name: options.officeName?.(index) ?? `Bench office ${index + 1}` });
    const code = await enrolCode(context, officeId);
    const deviceToken = newToken();
    const enrolled = await store.redeemEnrolmentCode({
      codeHash: hashSecret(code),
      now: options.now.toISOString(),
      device: { id: uuidv7(), label: 'Hall, left', tokenHash: hashSecret(deviceToken) },
      prefixCandidates: shuffledPrefixes(),
    });
    if (!enrolled.ok) throw new Error(`bench enrolment failed: ${enrolled.reason}`);
    const device = enrolled.device;
    kiosks.push({ officeId, deviceId: device.id, deviceToken });
    const count = Math.min(perOffice, options.total - made);
    const batch = Math.max(1, Math.min(MAX_BATCH, Math.ceil(count / 90)));
    for (let first = 1; first <= count; first += batch) {
      const size = Math.min(batch, count - first + 1);
      // Oldest batches first, so reception order follows the kiosk sequence.
      const receivedAt = new Date(options.now.getTime() - (1 - first / count) * 90 * DAY_MS);
      const requests = Array.from({ length: size }, (_, offset) => benchRequest(device.trackingPrefix, first + offset, made + first + offset, receivedAt));
      await store.pushRequests({
        deviceId: device.id,
        officeId,
        receivedAt: receivedAt.toISOString(),
        kioskSeqs: requests.map((request) => request.kioskSeq),
        items: requests.map((request) => ({ request, canonical: canonicalRequestJson(request) })),
      });
      for (const request of requests) {
        await moveAlong(store, request, STATUS_PLAN[request.kioskSeq % STATUS_PLAN.length]!, receivedAt);
        if (request.kioskSeq % sampleEvery === 0) samples.push({ officeId, trackingCode: request.trackingCode, cin: request.identity.cin, lastNameLatin: request.identity.lastNameLatin });
      }
    }
    made += count;
  }
  return { officeIds, kiosks, samples };
}

function benchRequest(prefix: string, kioskSeq: number, serial: number, at: Date): CitizenRequest {
  const [firstLatin, firstArabic] = FIRST[serial % FIRST.length]!;
  const [lastLatin, lastArabic] = LAST[Math.floor(serial / FIRST.length) % LAST.length]!;
  const service = SERVICES[serial % SERVICES.length]!;
  const created = new Date(at.getTime() - 60_000).toISOString();
  return {
    id: uuidv7(),
    kioskSeq,
    trackingCode: formatTrackingCode(prefix, kioskSeq),
    serviceId: service.id,
    catalogueVersion: 1,
    locale: serial % 3 === 0 ? 'fr' : 'ar',
    identity: {
      cin: `${String.fromCharCode(65 + (serial % 26))}${String.fromCharCode(65 + (Math.floor(serial / 26) % 26))}${String(100000 + (serial % 900000))}`,
      lastNameLatin: lastLatin,
      firstNameLatin: firstLatin,
      lastNameArabic: lastArabic,
      firstNameArabic: firstArabic,
      dateOfBirth: `19${50 + (serial % 50)}-0${1 + (serial % 9)}-1${serial % 10}`,
      phone: serial % 4 === 0 ? '' : `+2126${String(10000000 + (serial % 89999999)).padStart(8, '0')}`,
    },
    fields: service.fields(serial),
    consent: { noticeVersion: 1, acceptedAt: created },
    createdAt: created,
  };
}

async function moveAlong(store: Store, request: CitizenRequest, target: RemoteStatus, receivedAt: Date): Promise<void> {
  let current: RemoteStatus = 'received';
  let at = receivedAt.getTime();
  for (const status of PATH[target]) {
    at += 3 * 3_600_000;
    const outcome = await store.appendStatus({ requestId: request.id, expected: current, status, reason: status === 'refused' ? 'bench' : null, at: new Date(at).toISOString(), by: 'bench' });
    if (!outcome.ok) throw new Error(`bench status change refused: ${current} → ${status}`);
    current = status;
  }
}
