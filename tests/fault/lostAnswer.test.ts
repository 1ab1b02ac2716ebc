import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../e2e/harness';
import { idsInKioskOrder, ours, PUSH, serverRowsFor } from './expectations';
import { startSyncRig, waitForStates, type SyncRig } from './rig';

/** Issue list item 1: the back office commits, then the connection drops before its answer. */
describe('a batch whose answer is lost after the back office committed it', () => {
  let rig: SyncRig;

  beforeAll(async () => {
    rig = await startSyncRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('is sent again by the kiosk and stored exactly once', async () => {
    rig.proxy.set({ fault: { kind: 'dropAfterResponse' }, path: PUSH, times: 1 });
    const items = await rig.queue(5);
    await rig.nudge();

    // The back office has them, the kiosk never heard so: they are queued again, not lost.
    await waitFor(() => serverRowsFor(rig, items).length === items.length, { description: 'the back office committed the batch' });
    await waitFor(
      async () => ours(await rig.outbox(), items).every((row) => row.state === 'queued' && row.attempts === 1 && row.lastError === 'network'),
      { description: 'the kiosk put the batch back in the queue' },
    );

    await rig.nudge();
    await waitForStates(rig, items.map((item) => item.id), ['synced']);
    expect(rig.proxy.count(PUSH)).toBeGreaterThanOrEqual(2);
    expect(serverRowsFor(rig, items).map((row) => row.id)).toEqual(idsInKioskOrder(items));
  });
});
