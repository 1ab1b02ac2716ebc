import { afterEach, describe, expect, it } from 'vitest';
import { META_KEYS, readMeta } from '../../src/storage/meta';
import { enqueueRequest } from '../../src/storage/outbox';
import { adoptTrackingPrefix, openPortalDb, wipePortalData } from '../../portal/src/storage/portalDb';
import { forgetEverything, forgetSession, readInstallationId, readSession, writeSession, type StoredSession } from '../../portal/src/storage/sessionStore';
import type { CitizenRequest } from '../../src/domain/request';

const session: StoredSession = { token: 't'.repeat(43), installationId: '0190a000-0000-7000-8000-000000000001', trackingPrefix: 'KBZ', lastSeq: 41, login: '+212612345678', expiresAt: '2027-01-01T00:00:00.000Z' };
let counter = 0;
const names: string[] = [];
function freshDb() {
  const name = `portal-test-${++counter}`;
  names.push(name);
  return openPortalDb(name);
}
afterEach(async () => {
  await forgetEverything();
});

describe("the portal's session store", () => {
  it('keeps the session, forgets it at logout but keeps the installation for the next login', async () => {
    expect(await readSession()).toBeNull();
    await writeSession(session);
    expect(await readSession()).toEqual(session);
    await forgetSession();
    expect(await readSession()).toBeNull();
    expect(await readInstallationId()).toBe(session.installationId);
    await forgetEverything();
    expect(await readInstallationId()).toBeNull();
  });
});

describe("the portal's outbox database", () => {
  it("numbers the codes made offline above the back office's last sequence for the installation's prefix", async () => {
    const db = freshDb();
    await adoptTrackingPrefix(db, session);
    const item = await enqueueRequest(db, (stamp) => ({ id: 'x', kioskSeq: stamp.kioskSeq, trackingCode: stamp.trackingCode }) as unknown as CitizenRequest);
    expect(item.trackingCode).toMatch(/^KBZ-00042-.$/);
    // Adopting the same prefix again keeps counting; a lower server figure never goes back.
    await adoptTrackingPrefix(db, { trackingPrefix: 'KBZ', lastSeq: 3 });
    expect(await readMeta(db, META_KEYS.kioskSeq, 0)).toBe(42);
    // A new prefix starts above its own last sequence.
    await adoptTrackingPrefix(db, { trackingPrefix: 'MNP', lastSeq: 0 });
    expect(await readMeta(db, META_KEYS.kioskSeq, -1)).toBe(0);
    await wipePortalData(db);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.pending.count()).toBe(0);
    db.close();
  });
});
