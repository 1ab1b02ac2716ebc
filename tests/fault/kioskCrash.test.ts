import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsInKioskOrder, ours, PUSH, serverRowsFor } from './expectations';
import { settle, startSyncRig, waitForStates, type SyncRig } from './rig';

/** Issue list item 5: the kiosk's browser is killed mid-sync and opened again on the same profile. */
describe('a kiosk killed in the middle of a sync', () => {
  let rig: SyncRig;

  beforeAll(async () => {
    rig = await startSyncRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('resumes after a relaunch and sends every request exactly once', async () => {
    // Slow answers keep batches in flight long enough for the kill to land inside one.
    rig.proxy.set({ fault: { kind: 'slow', delayMs: 700 }, path: PUSH });
    const items = await rig.queue(1_000);
    await rig.nudge();
    await settle(rig, () => serverRowsFor(rig, items).length > 0, 'a first batch stored', { intervalMs: 20 });
    await rig.relaunch('kill');
    rig.proxy.pass();

    const rows = ours(await waitForStates(rig, items.map((item) => item.id), ['synced'], 120_000), items);
    expect(rows).toHaveLength(items.length);
    expect(serverRowsFor(rig, items).map((row) => row.id)).toEqual(idsInKioskOrder(items));
    expect(rig.reportSyncFigures('kioskCrash').storedTwice).toBe(0);
  }, 240_000);
});
