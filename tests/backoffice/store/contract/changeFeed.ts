import { describe, expect, it } from 'vitest';
import type { RemoteStatus } from '../../../../src/domain/status';
import { makeRequest } from '../../fixtures';
import { LATER, type ContractKit } from './kit';

/** An office's change feed: cursor pages, compare-and-set statuses, one winner across instances. */
export function changeFeedContract(kit: ContractKit): void {
  const { withKiosk, enrol, batch } = kit;
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
}
