import { v7 as uuidv7 } from 'uuid';
import { BENCH_CATALOGUE } from '../../backoffice/src/bench/benchRequests';
import { hashSecret, newToken, shuffledPrefixes } from '../../backoffice/src/service/secrets';
import { openStore, type StoreConfig } from '../../backoffice/src/store/openStore';
import type { KioskIdentity } from './simKiosk';

/**
 * Offices of `kiosksPerOffice` kiosks each, every kiosk enrolled with a one-time code of its own
 * and given its own token (through the store: the enrolment endpoint's per-address limit is for
 * people typing codes, not for a thousand kiosks starting on one loopback address), and a staff token.
 */
export async function seedFleet(config: StoreConfig, kiosks: number, kiosksPerOffice: number): Promise<{ kiosks: KioskIdentity[] }> {
  const store = await openStore(config);
  try {
    const at = new Date().toISOString();
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const prefixes = shuffledPrefixes();
    const identities: KioskIdentity[] = [];
    for (let i = 0; i < kiosks; i++) {
      const officeId = `office-${Math.floor(i / kiosksPerOffice) + 1}`;
      if (i % kiosksPerOffice === 0) {
        await store.createOffice({ id: officeId, name: `Annexe ${officeId}`, createdAt: at });
        await store.importCatalogue(officeId, BENCH_CATALOGUE, at);
      }
      const code = newToken();
      const token = newToken();
      await store.createEnrolmentCode({ codeHash: hashSecret(code), officeId, createdAt: at, expiresAt });
      const outcome = await store.redeemEnrolmentCode({
        codeHash: hashSecret(code),
        now: at,
        device: { id: uuidv7(), label: `Fleet kiosk ${i + 1}`, tokenHash: hashSecret(token) },
        prefixCandidates: prefixes.slice(i, i + 1),
      });
      if (!outcome.ok) throw new Error(`enrolment ${i} refused: ${outcome.reason}`);
      identities.push({ deviceId: outcome.device.id, officeId, trackingPrefix: outcome.device.trackingPrefix, token });
    }
    return { kiosks: identities };
  } finally {
    await store.close();
  }
}
