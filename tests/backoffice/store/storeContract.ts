import { afterEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../backoffice/src/service/secrets';
import type { PushInput, Store, StoredPushOutcome } from '../../../backoffice/src/store/types';
import { canonicalRequestJson, type CitizenRequest } from '../../../src/domain/request';
import type { RemoteStatus } from '../../../src/domain/status';
import { makeRequest, testCatalogue } from '../fixtures';
import { consoleContract } from './consoleContract';
import { directoryContract } from './directoryContract';

/** A way to get fresh, empty databases of one engine; `open` may be called again for a second instance. */
export interface StoreEngine {
  name: string;
  freshDatabase(): Promise<{ open(): Promise<Store> }>;
}

const T0 = '2026-11-28T10:00:00.000Z';
const LATER = '2026-11-29T10:00:00.000Z';

/**
 * The behaviour every Store must have, written once and run on each engine (as keyv's
 * @keyv/test-suite is run by each adapter). It speaks to the store only through its interface:
 * no test reads one engine's tables to check the other.
 */
export function storeContract(engine: StoreEngine): void {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  async function fresh(): Promise<{ store: Store; another: () => Promise<Store> }> {
    const database = await engine.freshDatabase();
    const open = async () => {
      const store = await database.open();
      opened.push(store);
      return store;
    };
    return { store: await open(), another: open };
  }

  let codes = 0;
  async function enrol(store: Store, officeId = 'north', options: { now?: string; codeExpiresAt?: string } = {}) {
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

  /** A store with offices north and south (each with a catalogue) and one kiosk in north. */
  async function withKiosk() {
    const ready = await fresh();
    for (const id of ['north', 'south']) {
      await ready.store.createOffice({ id, name: `Annexe ${id}`, createdAt: T0 });
      await ready.store.importCatalogue(id, testCatalogue(), T0);
    }
    const device = await enrol(ready.store);
    return { ...ready, device };
  }

  const item = (request: CitizenRequest) => ({ request, canonical: canonicalRequestJson(request) });
  const batch = (device: { id: string; officeId: string }, requests: readonly CitizenRequest[], receivedAt = T0): PushInput => ({
    deviceId: device.id,
    officeId: device.officeId,
    receivedAt,
    kioskSeqs: requests.map((r) => r.kioskSeq),
    items: requests.map(item),
  });

  async function walk(store: Store, request: CitizenRequest, path: readonly RemoteStatus[], at: string) {
    let expected: RemoteStatus = 'received';
    for (const status of path) {
      const outcome = await store.appendStatus({ requestId: request.id, expected, status, reason: status === 'refused' ? 'incomplete' : null, at, by: 'test' });
      expect(outcome.ok).toBe(true);
      expected = status;
    }
  }

  describe(`the ${engine.name} store`, () => {
    describe('console', () => consoleContract({ withKiosk }));
    describe('routing', () => directoryContract({ withKiosk }));

    describe('offices and catalogues', () => {
      it('creates an office once, finds it, and revokes it once', async () => {
        const { store } = await fresh();
        expect(await store.createOffice({ id: 'north', name: 'North', createdAt: T0 })).toBe('created');
        expect(await store.createOffice({ id: 'north', name: 'Other', createdAt: LATER })).toBe('exists');
        expect(await store.getOffice('north')).toEqual({ id: 'north', name: 'North', createdAt: T0, revokedAt: null });
        expect(await store.getOffice('nowhere')).toBeNull();
        expect(await store.revokeOffice('north', LATER)).toBe(true);
        expect(await store.revokeOffice('north', LATER)).toBe(false);
        expect((await store.getOffice('north'))?.revokedAt).toBe(LATER);
      });

      it('keeps every catalogue version and serves each one', async () => {
        const { store } = await withKiosk();
        const next = testCatalogue(99);
        next.services = next.services.slice(0, 1);
        expect((await store.importCatalogue('north', next, T0)).version).toBe(2);
        expect((await store.getCatalogue('north'))?.version).toBe(2);
        expect((await store.getCatalogue('north', 1))?.services).toHaveLength(2);
        expect(await store.getCatalogue('north', 7)).toBeNull();
        expect(await store.getCatalogue('nowhere')).toBeNull();
      });

      it('numbers catalogue versions without a gap or a repeat when two imports race', async () => {
        const { store, another } = await withKiosk();
        const second = await another();
        const versions = await Promise.all([...Array(6).keys()].map((i) => (i % 2 ? store : second).importCatalogue('south', testCatalogue(), T0)));
        expect(versions.map((c) => c.version).sort()).toEqual([2, 3, 4, 5, 6, 7]);
      });
    });

    describe('enrolment and tokens', () => {
      it('enrols a kiosk with a code once, with the first free prefix', async () => {
        const { store, device } = await withKiosk();
        expect(device).toMatchObject({ officeId: 'north', trackingPrefix: 'KPA', enrolledAt: T0, revokedAt: null, lastKioskSeq: 0 });
        expect(await store.getDevice(device.id)).toEqual(device);
        expect((await enrol(store)).trackingPrefix).toBe('KPB');
      });

      it('refuses a used, an expired, an unknown code and a code of a revoked office', async () => {
        const { store } = await withKiosk();
        const redeem = (code: string, now = T0) =>
          store.redeemEnrolmentCode({ codeHash: hashSecret(code), now, device: { id: `d-${code}`, label: 'k', tokenHash: hashSecret(`t-${code}`) }, prefixCandidates: ['KZZ', 'KZY'] });
        await store.createEnrolmentCode({ codeHash: hashSecret('once'), officeId: 'north', createdAt: T0, expiresAt: LATER });
        expect((await redeem('once')).ok).toBe(true);
        expect(await redeem('once')).toEqual({ ok: false, reason: 'used' });
        await store.createEnrolmentCode({ codeHash: hashSecret('old'), officeId: 'north', createdAt: T0, expiresAt: LATER });
        expect(await redeem('old', LATER)).toEqual({ ok: false, reason: 'expired' });
        expect(await redeem('never')).toEqual({ ok: false, reason: 'unknown' });
        await store.createEnrolmentCode({ codeHash: hashSecret('closed'), officeId: 'south', createdAt: T0, expiresAt: LATER });
        await store.revokeOffice('south', T0);
        expect(await redeem('closed')).toEqual({ ok: false, reason: 'officeRevoked' });
        await store.createEnrolmentCode({ codeHash: hashSecret('full'), officeId: 'north', createdAt: T0, expiresAt: LATER });
        await store.createEnrolmentCode({ codeHash: hashSecret('full2'), officeId: 'north', createdAt: T0, expiresAt: LATER });
        expect((await redeem('full')).ok).toBe(true);
        expect(await redeem('full2')).toEqual({ ok: false, reason: 'prefixesExhausted' });
      });

      it('lets one code enrol one kiosk when many redeem it at once, from two instances', async () => {
        const { store, another } = await withKiosk();
        const second = await another();
        await store.createEnrolmentCode({ codeHash: hashSecret('contested'), officeId: 'north', createdAt: T0, expiresAt: LATER });
        const outcomes = await Promise.all(
          [...Array(10).keys()].map((i) =>
            (i % 2 ? store : second).redeemEnrolmentCode({
              codeHash: hashSecret('contested'),
              now: T0,
              device: { id: `racer-${i}`, label: 'k', tokenHash: hashSecret(`racer-${i}`) },
              prefixCandidates: ['KQA', 'KQB'],
            }),
          ),
        );
        expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
        expect(outcomes.filter((o) => !o.ok).map((o) => (o.ok ? null : o.reason))).toEqual(Array(9).fill('used'));
        expect(await store.listDevices('north')).toHaveLength(2);
      });

      it('gives kiosks enrolling at once different prefixes', async () => {
        const { store, another } = await withKiosk();
        const second = await another();
        const devices = await Promise.all([...Array(6).keys()].map((i) => enrol(i % 2 ? store : second)));
        expect(new Set(devices.map((d) => d.trackingPrefix)).size).toBe(6);
      });

      it('finds which device a token belongs to, and says when it or its office was revoked', async () => {
        const { store, device } = await withKiosk();
        const deviceToken = hashSecret(`token-${device.id}`);
        expect(await store.findPrincipal(deviceToken)).toEqual({ kind: 'device', deviceId: device.id, officeId: 'north', revoked: false, officeRevoked: false });
        expect(await store.findPrincipal(hashSecret('nobody'))).toBeNull();
        await store.revokeOffice('north', LATER);
        expect(await store.findPrincipal(deviceToken)).toMatchObject({ revoked: false, officeRevoked: true });
        expect(await store.revokeDevice(device.id, LATER)).toBe(true);
        expect(await store.revokeDevice(device.id, LATER)).toBe(false);
        expect(await store.findPrincipal(deviceToken)).toMatchObject({ revoked: true });
      });

      it('lists kiosks in enrolment order, all of them or one office’s', async () => {
        const { store, device } = await withKiosk();
        const south = await enrol(store, 'south', { now: LATER });
        const third = await enrol(store, 'north', { now: '2026-11-30T10:00:00.000Z' });
        expect((await store.listDevices()).map((d) => d.id)).toEqual([device.id, south.id, third.id]);
        expect((await store.listDevices('north')).map((d) => d.id)).toEqual([device.id, third.id]);
        expect(await store.listDevices('nowhere')).toEqual([]);
      });
    });

    describe('push', () => {
      it('accepts a new request and records its first status, received', async () => {
        const { store, device } = await withKiosk();
        const request = makeRequest(device.trackingPrefix, 1);
        expect(await store.pushRequests(batch(device, [request]))).toEqual(['accepted']);
        expect(await store.findRequestByTrackingCode(request.trackingCode)).toEqual({
          id: request.id,
          officeId: 'north',
          trackingCode: request.trackingCode,
          status: 'received',
        });
        expect((await store.changesSince('north', 0, 10)).changes).toEqual([
          { seq: expect.any(Number), requestId: request.id, trackingCode: request.trackingCode, status: 'received', reason: null, changedAt: T0, proof: null },
        ]);
      });

      it('answers duplicate for the same id and content, conflict for other content, and keeps the first version', async () => {
        const { store, device } = await withKiosk();
        const request = makeRequest(device.trackingPrefix, 1);
        await store.pushRequests(batch(device, [request]));
        expect(await store.pushRequests(batch(device, [request]))).toEqual(['duplicate']);
        expect(await store.pushRequests(batch(device, [{ ...request, locale: 'ar' }]))).toEqual(['conflict']);
        // The first version is the one kept: sending it again is still a duplicate.
        expect(await store.pushRequests(batch(device, [request]))).toEqual(['duplicate']);
        expect(await store.stats()).toMatchObject({ requests: 1, statusChanges: 1 });
      });

      it('refuses a request whose tracking code another request already carries', async () => {
        const { store, device } = await withKiosk();
        const first = makeRequest(device.trackingPrefix, 1);
        await store.pushRequests(batch(device, [first]));
        const thief = makeRequest(device.trackingPrefix, 1);
        expect(await store.pushRequests(batch(device, [thief]))).toEqual(['trackingCodeTaken']);
      });

      it('answers a mixed batch item by item, in order, repeats inside the batch included', async () => {
        const { store, device } = await withKiosk();
        const known = makeRequest(device.trackingPrefix, 1);
        const changed = makeRequest(device.trackingPrefix, 2);
        await store.pushRequests(batch(device, [known, changed]));
        const fresh1 = makeRequest(device.trackingPrefix, 3);
        const stolen = makeRequest(device.trackingPrefix, 1);
        const fresh2 = makeRequest(device.trackingPrefix, 4);
        const outcomes = await store.pushRequests(batch(device, [fresh1, known, { ...changed, locale: 'ar' }, stolen, fresh2, fresh1, { ...fresh2, locale: 'ar' }]));
        expect(outcomes).toEqual<StoredPushOutcome[]>(['accepted', 'duplicate', 'conflict', 'trackingCodeTaken', 'accepted', 'duplicate', 'conflict']);
        const received = (await store.changesSince('north', 0, 100)).changes.map((c) => c.requestId);
        expect(received).toEqual([known.id, changed.id, fresh1.id, fresh2.id]);
      });

      it('writes a batch whole or not at all', async () => {
        const { store, device } = await withKiosk();
        const requests = [makeRequest(device.trackingPrefix, 1), makeRequest(device.trackingPrefix, 2)];
        // An office that does not exist: the batch fails after the kiosk's sequence was counted, and leaves nothing.
        await expect(store.pushRequests({ ...batch(device, requests), officeId: 'nowhere' })).rejects.toThrow();
        expect(await store.stats()).toMatchObject({ requests: 0, statusChanges: 0 });
        expect((await store.getDevice(device.id))?.lastKioskSeq).toBe(0);
        expect(await store.pushRequests(batch(device, requests))).toEqual(['accepted', 'accepted']);
      });

      it('stores a batch once when two instances receive it at the same moment, and answers duplicate to the other', async () => {
        const { store, another, device } = await withKiosk();
        const second = await another();
        for (let round = 0; round < 5; round++) {
          const requests = [1, 2, 3].map((i) => makeRequest(device.trackingPrefix, round * 3 + i));
          const [a, b] = await Promise.all([store.pushRequests(batch(device, requests)), second.pushRequests(batch(device, requests))]);
          for (let i = 0; i < requests.length; i++) expect([a![i], b![i]].sort()).toEqual(['accepted', 'duplicate']);
        }
        expect(await store.stats()).toMatchObject({ requests: 15, statusChanges: 15 });
      });

      it("answers idNotOwned for another office's request id, and never reveals whether it is the same", async () => {
        const { store, device } = await withKiosk();
        const southKiosk = await enrol(store, 'south');
        const request = makeRequest(southKiosk.trackingPrefix, 1);
        await store.pushRequests(batch(southKiosk, [request]));
        const copy = { ...request, trackingCode: makeRequest(device.trackingPrefix, 1).trackingCode };
        expect(await store.pushRequests(batch(device, [copy, { ...copy, locale: 'ar' }]))).toEqual(['idNotOwned', 'idNotOwned']);
      });

      it("refuses another kiosk's prefix, and lets a kiosk claim a few free prefixes of codes made before it was enrolled", async () => {
        const { store, device } = await withKiosk();
        const other = await enrol(store);
        expect(await store.pushRequests(batch(device, [makeRequest(other.trackingPrefix, 1)]))).toEqual(['trackingPrefixNotOwned']);
        const before = [makeRequest('KZA', 1), makeRequest('KZB', 1), makeRequest('KZC', 1), makeRequest('KZA', 2)];
        expect(await store.pushRequests(batch(device, before))).toEqual(['accepted', 'accepted', 'trackingPrefixNotOwned', 'accepted']);
        // Claimed: the prefix is now the device's, for staff lookups and against other kiosks.
        expect((await store.findRequestByTrackingCode(before[1]!.trackingCode))?.id).toBe(before[1]!.id);
        expect(await store.pushRequests(batch(other, [makeRequest('KZA', 3)]))).toEqual(['trackingPrefixNotOwned']);
        // A claimed prefix is never handed out at enrolment.
        const redeem = await store.createEnrolmentCode({ codeHash: hashSecret('late'), officeId: 'north', createdAt: T0, expiresAt: LATER });
        expect(redeem).toBeUndefined();
        const late = await store.redeemEnrolmentCode({ codeHash: hashSecret('late'), now: T0, device: { id: 'late', label: 'k', tokenHash: hashSecret('late') }, prefixCandidates: ['KZA', 'KZB', 'KZD'] });
        expect(late.ok && late.device.trackingPrefix).toBe('KZD');
      });

      it('tells which office an enrolment code belongs to, used or not', async () => {
        const { store } = await withKiosk();
        await store.createEnrolmentCode({ codeHash: hashSecret('south-code'), officeId: 'south', createdAt: T0, expiresAt: LATER });
        expect(await store.enrolmentCodeOffice(hashSecret('south-code'))).toBe('south');
        expect(await store.enrolmentCodeOffice(hashSecret('no-such-code'))).toBeNull();
      });

      it("records the kiosk's sequence: the last one, gaps and replays, rejected items included", async () => {
        const { store, device } = await withKiosk();
        const [r1, r2, r5] = [1, 2, 5].map((seq) => makeRequest(device.trackingPrefix, seq));
        await store.pushRequests({ ...batch(device, [r1!, r2!]), kioskSeqs: [1, 2, 3] });
        await store.pushRequests({ ...batch(device, [r5!, r1!]), kioskSeqs: [5, 1] });
        expect(await store.getDevice(device.id)).toMatchObject({ lastKioskSeq: 5, kioskSeqGaps: 1, kioskSeqReplays: 1 });
      });
    });

    describe('change feed', () => {
      it('pages through an office’s changes in sequence order, with more and the high-water mark', async () => {
        const { store, device } = await withKiosk();
        const southKiosk = await enrol(store, 'south');
        const north = [1, 2, 3].map((seq) => makeRequest(device.trackingPrefix, seq));
        await store.pushRequests(batch(device, north.slice(0, 2)));
        await store.pushRequests(batch(southKiosk, [makeRequest(southKiosk.trackingPrefix, 1)]));
        await store.pushRequests(batch(device, north.slice(2)));
        const first = await store.changesSince('north', 0, 2);
        expect(first.changes.map((c) => c.requestId)).toEqual([north[0]!.id, north[1]!.id]);
        expect(first.more).toBe(true);
        const rest = await store.changesSince('north', first.changes.at(-1)!.seq, 2);
        expect(rest.changes.map((c) => c.requestId)).toEqual([north[2]!.id]);
        expect(rest.more).toBe(false);
        expect(rest.highWater).toBe(rest.changes.at(-1)!.seq);
        const seqs = [...first.changes, ...rest.changes].map((c) => c.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect((await store.changesSince('south', 0, 10)).changes).toHaveLength(1);
        expect(await store.changesSince('north', rest.highWater, 10)).toEqual({ changes: [], more: false, highWater: rest.highWater });
      });

      it('appends a status with compare-and-set, and carries it with its reason after received', async () => {
        const { store, device } = await withKiosk();
        const request = makeRequest(device.trackingPrefix, 1);
        await store.pushRequests(batch(device, [request]));
        const append = (expected: RemoteStatus, status: RemoteStatus, reason: string | null = null) =>
          store.appendStatus({ requestId: request.id, expected, status, reason, at: LATER, by: 'staff:1' });
        const done = await append('received', 'inReview');
        expect(done).toEqual({
          ok: true,
          change: { seq: expect.any(Number), requestId: request.id, trackingCode: request.trackingCode, status: 'inReview', reason: null, changedAt: LATER },
        });
        expect(await append('received', 'refused', 'late')).toEqual({ ok: false, current: 'inReview' });
        await append('inReview', 'refused', 'incomplete file');
        const feed = (await store.changesSince('north', 0, 10)).changes;
        expect(feed.map((c) => [c.status, c.reason])).toEqual([
          ['received', null],
          ['inReview', null],
          ['refused', 'incomplete file'],
        ]);
        expect((await store.findRequestByTrackingCode(request.trackingCode))?.status).toBe('refused');
      });

      it('lets one of two instances changing the same status at once win, and refuses the other', async () => {
        const { store, another, device } = await withKiosk();
        const second = await another();
        const request = makeRequest(device.trackingPrefix, 1);
        await store.pushRequests(batch(device, [request]));
        const outcomes = await Promise.all(
          [store, second, store, second].map((s, i) =>
            s.appendStatus({ requestId: request.id, expected: 'received', status: i % 2 ? 'inReview' : 'refused', reason: null, at: LATER, by: `staff:${i}` }),
          ),
        );
        expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
        expect((await store.changesSince('north', 0, 10)).changes).toHaveLength(2);
      });
    });

    describe('retention purge', () => {
      it('purges requests finished before the cutoff only, once, and still answers duplicate and conflict for them', async () => {
        const { store, device } = await withKiosk();
        const [collected, refused, recent, inReview, received] = [1, 2, 3, 4, 5].map((seq) => makeRequest(device.trackingPrefix, seq));
        await store.pushRequests(batch(device, [collected!, refused!, recent!, inReview!, received!], '2025-01-01T00:00:00.000Z'));
        await walk(store, collected!, ['inReview', 'ready', 'collected'], '2026-10-01T00:00:00.000Z');
        await walk(store, refused!, ['refused'], '2026-09-01T00:00:00.000Z');
        await walk(store, recent!, ['inReview', 'ready', 'collected'], '2026-11-20T00:00:00.000Z');
        await walk(store, inReview!, ['inReview'], '2026-01-01T00:00:00.000Z');
        const purge = { finishedBefore: '2026-10-29T00:00:00.000Z', at: T0 };
        expect(await store.purgeFinishedRequests(purge)).toBe(2);
        expect(await store.purgeFinishedRequests(purge)).toBe(0);
        expect(await store.pushRequests(batch(device, [collected!, refused!, recent!]))).toEqual(['duplicate', 'duplicate', 'duplicate']);
        expect(await store.pushRequests(batch(device, [{ ...collected!, locale: 'ar' }, { ...recent!, locale: 'ar' }]))).toEqual(['conflict', 'conflict']);
        // The status history stays for the kiosks that pull it, without the refusal reasons (free text about the citizen).
        const history = (await store.changesSince('north', 0, 100)).changes;
        expect(history.filter((c) => c.requestId === collected!.id).map((c) => c.status)).toEqual(['received', 'inReview', 'ready', 'collected']);
        expect(history.filter((c) => c.requestId === refused!.id).map((c) => [c.status, c.reason])).toEqual([
          ['received', null],
          ['refused', null],
        ]);
        expect((await store.findRequestByTrackingCode(collected!.trackingCode))?.status).toBe('collected');
      });
    });

    describe('audit and counters', () => {
      it('stores audit entries once by id, and counts what it holds', async () => {
        const { store, device } = await withKiosk();
        const entries = [
          { id: 'a1', at: T0, action: 'session.start', detail: '' },
          { id: 'a2', at: T0, action: "x' OR 1=1 --", detail: 'قيمة' },
        ];
        const audit = (list: typeof entries) => store.storeAudit({ deviceId: device.id, officeId: 'north', receivedAt: T0, entries: list });
        expect(await audit(entries)).toBe(2);
        expect(await audit([...entries, { id: 'a3', at: T0, action: 'x', detail: '' }])).toBe(1);
        expect(await audit([])).toBe(0);
        expect(await store.stats()).toEqual({ offices: 2, devices: 1, requests: 0, statusChanges: 0, auditEntries: 3 });
      });

      it('counts rate-limit hits per key, in windows that start again once ended', async () => {
        const { store } = await fresh();
        const hits = [];
        for (let i = 0; i < 4; i++) hits.push(await store.hitRateLimit('device:a', 60_000));
        expect(hits.map((h) => h.count)).toEqual([1, 2, 3, 4]);
        expect(hits.every((h) => h.ttlMs > 0 && h.ttlMs <= 60_000)).toBe(true);
        expect((await store.hitRateLimit('device:b', 60_000)).count).toBe(1);
        expect((await store.hitRateLimit('device:c', 20)).count).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 40));
        expect((await store.hitRateLimit('device:c', 20)).count).toBe(1);
      });
    });
  });
}
