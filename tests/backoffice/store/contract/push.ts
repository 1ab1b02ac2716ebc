import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../../../backoffice/src/service/secrets';
import type { StoredPushOutcome } from '../../../../backoffice/src/store/types';
import { makeRequest } from '../../fixtures';
import { LATER, T0, type ContractKit } from './kit';

/** Push answered item by item: idempotent, conflicts, ownership of ids and prefixes, whole batches, once across instances. */
export function pushContract(kit: ContractKit): void {
  const { withKiosk, enrol, batch } = kit;
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

    it("records the kiosk's sequence: the last one, gaps and replays, rejected items included", async () => {
      const { store, device } = await withKiosk();
      const [r1, r2, r5] = [1, 2, 5].map((seq) => makeRequest(device.trackingPrefix, seq));
      await store.pushRequests({ ...batch(device, [r1!, r2!]), kioskSeqs: [1, 2, 3] });
      await store.pushRequests({ ...batch(device, [r5!, r1!]), kioskSeqs: [5, 1] });
      expect(await store.getDevice(device.id)).toMatchObject({ lastKioskSeq: 5, kioskSeqGaps: 1, kioskSeqReplays: 1 });
    });
  });
}
