import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsInKioskOrder, ours, serverRowsFor } from './expectations';
import { UNKNOWN_SERVICE } from './requests';
import { startSyncRig, waitForStates, type SyncRig } from './rig';

/** Issue list item 4: one request the back office refuses among five. */
describe('one request the back office refuses among five', () => {
  let rig: SyncRig;

  beforeAll(async () => {
    rig = await startSyncRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('lets the other four arrive in order and marks the refused one rejected with its reasons', async () => {
    // A service the back office's catalogue lacks: valid for the kiosk's schema, refused by the server.
    const items = await rig.queue(5, (index) => (index === 2 ? UNKNOWN_SERVICE : 'life'));
    const poison = items[2]!;
    const good = items.filter((item) => item !== poison);
    await rig.nudge();

    const rows = await waitForStates(rig, items.map((item) => item.id), ['synced', 'rejected']);
    const byId = new Map(ours(rows, items).map((row) => [row.id, row]));
    expect(good.map((item) => byId.get(item.id)?.state)).toEqual(['synced', 'synced', 'synced', 'synced']);
    expect(byId.get(poison.id)).toMatchObject({
      state: 'rejected',
      request: poison.request,
      rejection: { reason: 'invalid', errors: [{ path: 'serviceId', code: 'unknownService' }] },
    });
    expect(serverRowsFor(rig, items).map((row) => row.id)).toEqual(idsInKioskOrder(good));
    expect(rig.reportSyncFigures('poisonItem: refused item').storedTwice).toBe(0);
  });

  it('does not let the rejected request hold back the ones queued after it', async () => {
    const later = await rig.queue(2);
    await rig.nudge();
    await waitForStates(rig, later.map((item) => item.id), ['synced']);
    expect(serverRowsFor(rig, later).map((row) => row.id)).toEqual(idsInKioskOrder(later));
    expect(rig.reportSyncFigures('poisonItem: items after it').storedTwice).toBe(0);
  });
});
