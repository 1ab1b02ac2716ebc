import { describe, expect, it } from 'vitest';
import { T0, type ContractKit } from './kit';

/** Audit entries stored once by id, the counters, and rate-limit windows shared by every instance. */
export function auditAndRateLimitsContract(kit: ContractKit): void {
  const { fresh, withKiosk } = kit;
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
}
