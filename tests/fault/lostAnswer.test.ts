import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsInKioskOrder, ours, PUSH, serverRowsFor } from './expectations';
import { settle, startSyncRig, waitForStates, type SyncRig } from './rig';

/** Issue list item 1: the back office commits, then the connection drops before its answer. */
describe('a batch whose answer is lost after the back office committed it', () => {
  let rig: SyncRig;

  beforeAll(async () => {
    rig = await startSyncRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  it.each([
    ['before any byte of the answer (the browser itself may send it again)', false],
    ['after the status line (the kiosk itself must send it again)', true],
  ])('is stored exactly once when the connection drops %s', async (_name, afterHeaders) => {
    const pushesBefore = rig.proxy.count(PUSH);
    rig.proxy.set({ fault: { kind: 'dropAfterResponse', afterHeaders }, path: PUSH, times: 1 });
    const items = await rig.queue(5);
    await rig.nudge();

    // The back office has them though the kiosk never heard so: the kiosk must send them again.
    await settle(rig, () => serverRowsFor(rig, items).length === items.length, 'the back office committed the batch');
    await rig.nudge();
    const rows = ours(await waitForStates(rig, items.map((item) => item.id), ['synced']), items);

    const pushes = rig.proxy.log.filter((entry) => PUSH.test(entry.path)).slice(pushesBefore);
    expect(pushes[0]).toMatchObject({ fault: 'dropAfterResponse', status: null });
    expect(pushes.slice(1).some((entry) => entry.status === 200)).toBe(true);
    if (afterHeaders) expect(rows.every((row) => row.attempts >= 2)).toBe(true);
    expect(serverRowsFor(rig, items).map((row) => row.id)).toEqual(idsInKioskOrder(items));
    const figures = rig.reportSyncFigures(`lostAnswer: ${_name}`);
    expect(figures.storedTwice).toBe(0);
    // The kiosk sent the batch again: the server saw each item arrive twice, and stored it once.
    if (afterHeaders) expect(figures.redundantDeliveries).toBeGreaterThanOrEqual(items.length);
  });
});
