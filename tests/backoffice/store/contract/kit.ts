import { afterEach, expect } from 'vitest';
import { hashSecret } from '../../../../backoffice/src/service/secrets';
import type { Device, PushInput, Store } from '../../../../backoffice/src/store/types';
import { canonicalRequestJson, type CitizenRequest } from '../../../../src/domain/request';
import type { RemoteStatus } from '../../../../src/domain/status';
import { testCatalogue } from '../../fixtures';

/** A way to get fresh, empty databases of one engine; `open` may be called again for a second instance. */
export interface StoreEngine {
  name: string;
  freshDatabase(): Promise<{ open(): Promise<Store> }>;
}

export const T0 = '2026-11-28T10:00:00.000Z';
export const LATER = '2026-11-29T10:00:00.000Z';

/** A fresh store of the engine under test, and a way to open a second instance on the same database. */
export interface FreshStore {
  store: Store;
  another: () => Promise<Store>;
}

/** What every contract module is lent: fresh stores, enrolled kiosks and batches, built only through the Store interface. */
export interface ContractKit {
  fresh(): Promise<FreshStore>;
  /** Enrols a kiosk with a new code in the office (north unless told), and returns the device. */
  enrol(store: Store, officeId?: string, options?: { now?: string; codeExpiresAt?: string }): Promise<Device>;
  /** A store with offices north and south (each with a catalogue) and one kiosk in north. */
  withKiosk(): Promise<FreshStore & { device: Device }>;
  batch(device: { id: string; officeId: string }, requests: readonly CitizenRequest[], receivedAt?: string): PushInput;
  /** Walks a received request through the statuses of `path`, each by compare-and-set. */
  walk(store: Store, request: CitizenRequest, path: readonly RemoteStatus[], at: string): Promise<void>;
}

/** Builds the kit for one engine; the stores it opens are closed after each test. */
export function contractKit(engine: StoreEngine): ContractKit {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  async function fresh(): Promise<FreshStore> {
    const database = await engine.freshDatabase();
    const open = async () => {
      const store = await database.open();
      opened.push(store);
      return store;
    };
    return { store: await open(), another: open };
  }

  let codes = 0;
  async function enrol(store: Store, officeId = 'north', options: { now?: string; codeExpiresAt?: string } = {}): Promise<Device> {
    const n = ++codes;
    const code = `code-${n}`;
    await store.createEnrolmentCode({ codeHash: hashSecret(code), officeId, createdAt: T0, expiresAt: options.codeExpiresAt ?? '2027-01-01T00:00:00.000Z' });
    const deviceId = `device-${n}`;
    const outcome = await store.redeemEnrolmentCode({
      codeHash: hashSecret(code),
      now: options.now ?? T0,
      device: { id: deviceId, label: `Kiosk ${n}`, tokenHash: hashSecret(`token-${deviceId}`) },
      prefixCandidates: ['KPA', 'KPB', 'KPC', 'KPD', 'KPE', 'KPF', 'KPG', 'KPH'],
    });
    if (!outcome.ok) throw new Error(`enrolment refused: ${outcome.reason}`);
    return outcome.device;
  }

  async function withKiosk() {
    const ready = await fresh();
    for (const id of ['north', 'south']) {
      await ready.store.createOffice({ id, name: `Annexe ${id}`, createdAt: T0 });
      await ready.store.importCatalogue(id, testCatalogue(), T0);
    }
    const device = await enrol(ready.store);
    return { ...ready, device };
  }

  const batch = (device: { id: string; officeId: string }, requests: readonly CitizenRequest[], receivedAt = T0): PushInput => ({
    deviceId: device.id,
    officeId: device.officeId,
    receivedAt,
    kioskSeqs: requests.map((r) => r.kioskSeq),
    items: requests.map((request) => ({ request, canonical: canonicalRequestJson(request) })),
  });

  async function walk(store: Store, request: CitizenRequest, path: readonly RemoteStatus[], at: string) {
    let expected: RemoteStatus = 'received';
    for (const status of path) {
      const outcome = await store.appendStatus({ requestId: request.id, expected, status, reason: status === 'refused' ? 'incomplete' : null, at, by: 'test' });
      expect(outcome.ok).toBe(true);
      expected = status;
    }
  }

  return { fresh, enrol, withKiosk, batch, walk };
}
