import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaValue } from '../e2e/harness';
import { idsInKioskOrder, ours, PUSH, serverRowsFor } from './expectations';
import { settle, startSyncRig, waitForStates, type SyncRig } from './rig';

const ANY_API = /\/api\/v1\//;

/** Issue list item 8: a wrong or revoked device token. */
describe('a kiosk whose device token the back office refuses', () => {
  let rig: SyncRig;

  beforeAll(async () => {
    rig = await startSyncRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  const refusals = (path: RegExp) => rig.proxy.log.filter((entry) => path.test(entry.path) && entry.status === 401).length;

  it('keeps everything queued under a wrong token and sends it once the right token is back', async () => {
    rig.proxy.set({ fault: { kind: 'forgeToken', token: 'not-a-device-token-of-this-office-0000' }, path: PUSH });
    const items = await rig.queue(3);
    await rig.nudge();
    await settle(rig, () => refusals(PUSH) > 0, 'a push refused with 401');
    await settle(rig, async () => ours(await rig.outbox(), items).every((row) => row.state === 'queued' && row.lastError === 'unauthorized'), 'items back in the queue');
    expect(serverRowsFor(rig, items)).toEqual([]);

    // The kiosk waits for a person after a 401; a restart (what a supervisor would do) resumes it.
    rig.proxy.pass();
    await rig.relaunch('close');
    await waitForStates(rig, items.map((item) => item.id), ['synced']);
    expect(serverRowsFor(rig, items).map((row) => row.id)).toEqual(idsInKioskOrder(items));
    expect(rig.reportSyncFigures('deviceToken: wrong token').storedTwice).toBe(0);
  });

  it('accepts nothing from a revoked kiosk and keeps its requests, even across a restart', async () => {
    const deviceId = (await metaValue(rig.kiosk.page, 'deviceId')) as string;
    await rig.backoffice.cli(['revoke-device', deviceId]);
    const before = refusals(ANY_API);
    const items = await rig.queue(3);
    await rig.nudge();
    // Whichever call of the cycle comes first (push or pull) is refused, and the kiosk waits for a person.
    await settle(rig, () => refusals(ANY_API) > before, 'a call refused with 401');
    await rig.relaunch('close');

    const rows = await settle(
      rig,
      async () => {
        const mine = ours(await rig.outbox(), items);
        return mine.length === items.length && mine.every((row) => row.state === 'queued') ? mine : null;
      },
      'the requests still queued after the restart',
    );
    expect(rows.map((row) => row.request)).toEqual(items.map((item) => item.request));
    expect(serverRowsFor(rig, items)).toEqual([]);
    expect(rig.reportSyncFigures('deviceToken: revoked kiosk').storedTwice).toBe(0);
  });
});
