import { SILENT_AFTER_MINUTES, type KioskRow } from '../../../src/domain/console/fleet';
import { heartbeatSchema } from '../../../src/domain/heartbeat';
import type { Store } from '../store/types';

/** The office's kiosks with their last heartbeat; one not heard from for SILENT_AFTER_MINUTES is silent. */
export async function officeKiosks(store: Store, officeId: string, now: Date): Promise<KioskRow[]> {
  const [devices, heartbeats] = await Promise.all([store.listDevices(officeId), store.listHeartbeats(officeId)]);
  const silentBefore = now.getTime() - SILENT_AFTER_MINUTES * 60_000;
  return devices.map((device) => {
    const beat = heartbeats.find((h) => h.deviceId === device.id);
    const parsed = beat ? heartbeatSchema.safeParse(JSON.parse(beat.body)) : null;
    const lastSeenAt = beat?.receivedAt ?? null;
    return {
      id: device.id,
      label: device.label,
      trackingPrefix: device.trackingPrefix,
      enrolledAt: device.enrolledAt,
      revokedAt: device.revokedAt,
      heartbeat: parsed?.success ? parsed.data : null,
      lastSeenAt,
      silent: device.revokedAt === null && (lastSeenAt === null || Date.parse(lastSeenAt) < silentBefore),
    };
  });
}
