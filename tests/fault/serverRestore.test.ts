import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../scripts/backupBackoffice';
import { metaValue, tempDir } from '../e2e/harness';
import { idsInKioskOrder, serverRowsFor } from './expectations';
import { settle, startSyncRig, waitForStates, type SyncRig } from './rig';

/** The back office restored from a backup older than what the kiosk already sent (DESIGN.md §4). */
describe('a back office restored from an older backup', () => {
  let rig: SyncRig;

  beforeAll(async () => {
    rig = await startSyncRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('gets back, exactly once, every request it lost, from the kiosk that still holds them', async () => {
    const beforeBackup = await rig.queue(3);
    await waitForStates(rig, beforeBackup.map((item) => item.id), ['synced']);
    const backup = path.join(await tempDir('backup'), 'backoffice.sqlite');
    await backupDatabase(path.join(rig.backoffice.dataDir, 'backoffice.sqlite'), backup);

    const afterBackup = await rig.queue(3);
    await waitForStates(rig, afterBackup.map((item) => item.id), ['synced']);
    // The kiosk has pulled the "received" changes of all six: its cursor is past the backup's sequence.
    await settle(rig, async () => ((await metaValue(rig.kiosk.page, 'pullCursor')) as number) >= 6, 'the kiosk pulled every change');

    await rig.backoffice.stop();
    const database = path.join(rig.backoffice.dataDir, 'backoffice.sqlite');
    await Promise.all(['-wal', '-shm'].map((suffix) => rm(database + suffix, { force: true })));
    await copyFile(backup, database);
    await rig.backoffice.restart();
    expect(serverRowsFor(rig, afterBackup)).toEqual([]);

    const all = [...beforeBackup, ...afterBackup];
    await settle(rig, () => serverRowsFor(rig, all).length === all.length, 'the lost requests pushed again');
    await waitForStates(rig, all.map((item) => item.id), ['synced']);
    expect(serverRowsFor(rig, all).map((row) => row.id).sort()).toEqual(idsInKioskOrder(all).sort());
    expect(rig.reportSyncFigures('serverRestore').storedTwice).toBe(0);
  });
});
