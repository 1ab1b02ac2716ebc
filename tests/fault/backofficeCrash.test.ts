import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsInKioskOrder, serverRowsFor } from './expectations';
import { settle, startSyncRig, waitForStates, type SyncRig } from './rig';

/** Issue list item 2: the back office is SIGKILLed while a backlog drains, then restarted. */
describe('a back office killed in the middle of a drain', () => {
  let rig: SyncRig;

  beforeAll(async () => {
    rig = await startSyncRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('loses nothing and doubles nothing once it is back', async () => {
    const items = await rig.queue(3_000);
    await rig.nudge();
    // Killed as soon as part of the backlog is stored: batches are in flight or half-received.
    await settle(rig, () => serverRowsFor(rig, items).length > 0, 'the first batch stored', { intervalMs: 20 });
    await rig.backoffice.kill();
    const storedBeforeCrash = serverRowsFor(rig, items).length;
    expect(storedBeforeCrash).toBeLessThan(items.length);

    await rig.backoffice.restart();
    await rig.nudge();
    await waitForStates(rig, items.map((item) => item.id), ['synced'], 150_000);
    const stored = serverRowsFor(rig, items);
    expect(stored).toHaveLength(items.length);
    expect(stored.map((row) => row.id)).toEqual(idsInKioskOrder(items));
    expect(rig.reportSyncFigures('backofficeCrash').storedTwice).toBe(0);
  }, 240_000);
});
