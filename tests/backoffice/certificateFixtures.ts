import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';
import { SigningKeyring } from '../../backoffice/src/certificates/signingKeyring';
import type { CertificateDeps } from '../../backoffice/src/service/certificates';
import { catalogueSchema } from '../../src/domain/catalogue';
import type { CitizenRequest } from '../../src/domain/request';
import { harness, makeRequest, NOW, type Harness } from './fixtures';

/** The back-office harness with the default catalogue (which has certificate templates) and a keyring in a temporary folder. */
export interface CertificateHarness extends Harness {
  keyring: SigningKeyring;
  deps: CertificateDeps;
  dataDir: string;
  /** A request of the office pushed by one of its kiosks, then moved to `inReview` (unless told to stay received). */
  request(officeId: string, overrides?: Partial<CitizenRequest>, status?: 'received' | 'inReview'): Promise<CitizenRequest>;
  cleanup(): void;
}

export async function certificateHarness(): Promise<CertificateHarness> {
  const h = await harness();
  const dataDir = mkdtempSync(join(tmpdir(), 'shubbak-cert-'));
  const keyring = SigningKeyring.open(dataDir);
  const catalogue = catalogueSchema.parse(defaultCatalogue);
  for (const office of ['north', 'south']) await h.store.importCatalogue(office, catalogue, NOW.toISOString());
  const kiosks = new Map<string, { deviceId: string; prefix: string; seq: number }>();
  return {
    ...h,
    keyring,
    dataDir,
    deps: { store: h.store, keyring, now: () => h.clock.now },
    async request(officeId, overrides = {}, status = 'inReview') {
      let kiosk = kiosks.get(officeId);
      if (!kiosk) {
        const enrolled = await h.enrol(officeId, `kiosk ${officeId}`);
        kiosk = { deviceId: enrolled.deviceId, prefix: enrolled.trackingPrefix, seq: 0 };
        kiosks.set(officeId, kiosk);
      }
      kiosk.seq += 1;
      const request = makeRequest(kiosk.prefix, kiosk.seq, { serviceId: 'life', catalogueVersion: 2, ...overrides });
      await h.store.pushRequests({
        deviceId: kiosk.deviceId,
        officeId,
        receivedAt: h.clock.now.toISOString(),
        kioskSeqs: [kiosk.seq],
        items: [{ request, canonical: JSON.stringify(request) }],
      });
      if (status === 'inReview') {
        await h.store.appendStatus({ requestId: request.id, expected: 'received', status: 'inReview', reason: null, at: h.clock.now.toISOString(), by: 'test' });
      }
      return request;
    },
    cleanup() {
      h.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
