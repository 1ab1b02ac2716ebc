import { describe, expect, it } from 'vitest';
import { makeRequest } from '../../fixtures';
import { T0, type ContractKit } from './kit';

/** The retention purge: finished requests only, once, and still idempotent for the kiosks afterwards. */
export function purgeContract(kit: ContractKit): void {
  const { withKiosk, batch, walk } = kit;
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
}
