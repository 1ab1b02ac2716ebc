import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from './faultProxy';
import { idsInKioskOrder, ours, PUSH, serverRowsFor } from './expectations';
import { settle, startSyncRig, waitForStates, type SyncRig } from './rig';

/** Issue list item 3: 500, 503 + Retry-After, timeouts, resets and slow answers. */
describe('a kiosk whose back office fails for a while', () => {
  let rig: SyncRig;

  beforeAll(async () => {
    rig = await startSyncRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  it.each<[string, Fault, string]>([
    ['answers 500', { kind: 'status', status: 500 }, 'server'],
    ['answers 503 with Retry-After', { kind: 'status', status: 503, retryAfterSeconds: 1 }, 'server'],
    ['resets the connection', { kind: 'reset' }, 'network'],
    ['never answers (the kiosk times out)', { kind: 'hang' }, 'timeout'],
  ])('keeps the requests queued when the back office %s, then sends each once when it recovers', async (_name, fault, reasonSeen) => {
    rig.proxy.set({ fault, path: PUSH });
    const items = await rig.queue(3);
    await rig.nudge();

    const failed = await settle(
      rig,
      async () => {
        const rows = ours(await rig.outbox(), items);
        return rows.every((row) => row.state === 'queued' && row.attempts >= 1 && row.lastError === reasonSeen) ? rows : null;
      },
      `items queued again after "${reasonSeen}"`,
    );
    expect(failed.map((row) => row.request)).toEqual(items.map((item) => item.request));
    expect(serverRowsFor(rig, items)).toEqual([]);

    rig.proxy.pass();
    await rig.nudge();
    await waitForStates(rig, items.map((item) => item.id), ['synced']);
    expect(serverRowsFor(rig, items).map((row) => row.id)).toEqual(idsInKioskOrder(items));
    expect(rig.reportSyncFigures(`transientFailures: ${_name}`).storedTwice).toBe(0);
  });

  it('sends everything once through slow answers', async () => {
    rig.proxy.set({ fault: { kind: 'slow', delayMs: 1_500 }, path: PUSH });
    const items = await rig.queue(5);
    await rig.nudge();
    await waitForStates(rig, items.map((item) => item.id), ['synced']);
    rig.proxy.pass();
    expect(serverRowsFor(rig, items).map((row) => row.id)).toEqual(idsInKioskOrder(items));
    expect(rig.reportSyncFigures('transientFailures: slow answers').storedTwice).toBe(0);
  });
});
