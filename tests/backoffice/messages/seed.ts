import { hashSecret } from '../../../backoffice/src/service/secrets';
import type { Store } from '../../../backoffice/src/store/types';
import type { ContactChoice } from '../../../src/domain/contact';
import type { Locale } from '../../../src/domain/locales';
import { canonicalRequestJson, type CitizenRequest } from '../../../src/domain/request';
import { makeRequest, testCatalogue } from '../fixtures';

export const SEED_T0 = '2026-11-28T10:00:00.000Z';

/** Office `north` with its names in the four languages, one kiosk, and `count` requests pushed from it. */
export async function seedRequests(
  store: Store,
  options: { count: number; contact?: ContactChoice; locales?: readonly Locale[]; emailOf?: (i: number) => string },
): Promise<CitizenRequest[]> {
  await store.createOffice({ id: 'north', name: 'Annexe North', createdAt: SEED_T0 });
  await store.importCatalogue('north', testCatalogue(), SEED_T0);
  await store.setOfficeIdentity(
    'north',
    { names: { ar: 'الملحقة الإدارية الشمال', zgh: 'ⵜⴰⵏⵎⵍⵜ ⵏ ⵓⴳⴰⴼⴰ', fr: 'Annexe administrative Nord', en: 'North Administrative Annex' }, logo: null },
    SEED_T0,
  );
  await store.createEnrolmentCode({ codeHash: hashSecret('seed-code'), officeId: 'north', createdAt: SEED_T0, expiresAt: '2027-01-01T00:00:00.000Z' });
  const enrolled = await store.redeemEnrolmentCode({
    codeHash: hashSecret('seed-code'),
    now: SEED_T0,
    device: { id: 'seed-device', label: 'Kiosk', tokenHash: hashSecret('seed-token') },
    prefixCandidates: ['KPA'],
  });
  if (!enrolled.ok) throw new Error(enrolled.reason);
  const locales = options.locales ?? ['fr'];
  const requests = Array.from({ length: options.count }, (_, i) => {
    const contact = options.contact ? { ...options.contact, ...(options.emailOf ? { email: options.emailOf(i) } : {}) } : undefined;
    return makeRequest(enrolled.device.trackingPrefix, i + 1, { locale: locales[i % locales.length]!, ...(contact ? { contact } : {}) });
  });
  for (let start = 0; start < requests.length; start += 500) {
    const slice = requests.slice(start, start + 500);
    await store.pushRequests({
      deviceId: enrolled.device.id,
      officeId: 'north',
      receivedAt: SEED_T0,
      kioskSeqs: slice.map((r) => r.kioskSeq),
      items: slice.map((request) => ({ request, canonical: canonicalRequestJson(request) })),
    });
  }
  return requests;
}

/** Each request becomes ready (a message per channel is written with the change). */
export async function makeReady(store: Store, requests: readonly CitizenRequest[], at = SEED_T0): Promise<void> {
  for (const request of requests) {
    const outcome = await store.appendStatus({ requestId: request.id, expected: 'received', status: 'ready', reason: null, at, by: 'test' });
    if (!outcome.ok) throw new Error(`not ready: ${outcome.current}`);
  }
}
