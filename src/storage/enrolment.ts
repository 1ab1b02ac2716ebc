import { isKioskPrefix } from '../domain/trackingCode';
import type { ShubbakDb } from './db';
import { META_KEYS } from './meta';
import { saveSettings } from './settings';

/** What the back office said about this kiosk at enrolment. The device token is NOT here: it lives in the platform's secret store. */
export interface Enrolment {
  deviceId: string;
  officeId: string;
  officeName: string;
}

export async function readEnrolment(db: ShubbakDb): Promise<Enrolment | null> {
  const records = await db.meta.bulkGet([META_KEYS.deviceId, META_KEYS.officeId, META_KEYS.officeName]);
  const [deviceId, officeId, officeName] = records.map((record) => record?.value);
  if (typeof deviceId !== 'string' || typeof officeId !== 'string' || typeof officeName !== 'string') return null;
  return { deviceId, officeId, officeName };
}

/**
 * Records an enrolment in ONE transaction: identity, the tracking prefix the back office gave
 * (future codes use it; the kiosk sequence continues, so codes stay unique) and the settings
 * the supervisor sees. A new device id (re-enrolment, maybe to another office) restarts the
 * pull cursor: cursors belong to one server and one office.
 */
export async function saveEnrolment(
  db: ShubbakDb,
  enrolment: Enrolment & { trackingPrefix: string; backofficeUrl: string },
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const previous = await readEnrolment(db);
    await db.meta.bulkPut([
      { key: META_KEYS.deviceId, value: enrolment.deviceId },
      { key: META_KEYS.officeId, value: enrolment.officeId },
      { key: META_KEYS.officeName, value: enrolment.officeName },
    ]);
    // An unusable prefix would make every enqueue fail: keep the kiosk's own one instead.
    if (isKioskPrefix(enrolment.trackingPrefix)) await db.meta.put({ key: META_KEYS.trackingPrefix, value: enrolment.trackingPrefix });
    if (previous?.deviceId !== enrolment.deviceId) await db.meta.put({ key: META_KEYS.pullCursor, value: 0 });
    await saveSettings(db, {
      backofficeUrl: enrolment.backofficeUrl,
      officeId: enrolment.officeId.slice(0, 60),
      officeName: enrolment.officeName.slice(0, 120),
    });
  });
}
