import { formatTrackingCode, randomKioskPrefix } from '../domain/trackingCode';
import type { CitizenRequest } from '../domain/request';
import type { ShubbakDb, OutboxItem, OutboxRecord } from './db';
import { META_KEYS, type StorageErrorRecord } from './meta';
import { presentItem } from './outboxLayout';

export interface RequestStampInput {
  kioskSeq: number;
  trackingCode: string;
}

/** Raised when the browser refuses the write (quota, disk): the caller shows a clear message. */
export class OutboxWriteError extends Error {
  constructor(
    readonly reason: 'quota' | 'storage',
    cause: unknown,
  ) {
    super(`outbox write failed: ${reason}`, { cause });
    this.name = 'OutboxWriteError';
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/**
 * Writes a citizen's request to the outbox in ONE strict-durability transaction that also takes
 * the next kiosk sequence number and tracking code, so that a crash leaves either nothing or the
 * whole request with its code. Resolves only when the browser has committed it: the receipt may
 * be shown after this and not before.
 *
 * `build` turns the stamp into the request (it must be pure and synchronous-friendly).
 */
export async function enqueueRequest(
  db: ShubbakDb,
  build: (stamp: RequestStampInput) => CitizenRequest,
  now: () => number = Date.now,
): Promise<OutboxItem> {
  try {
    return await db.transaction('rw', db.meta, db.outbox, db.pending, async () => {
      const prefixRecord = await db.meta.get(META_KEYS.trackingPrefix);
      let prefix = prefixRecord?.value as string | undefined;
      if (!prefix) {
        prefix = randomKioskPrefix();
        await db.meta.put({ key: META_KEYS.trackingPrefix, value: prefix });
      }
      const last = ((await db.meta.get(META_KEYS.kioskSeq))?.value as number | undefined) ?? 0;
      const kioskSeq = last + 1;
      const request = build({ kioskSeq, trackingCode: formatTrackingCode(prefix, kioskSeq) });
      const record: OutboxRecord = {
        id: request.id,
        kioskSeq,
        trackingCode: request.trackingCode,
        serviceId: request.serviceId,
        request,
        createdAt: now(),
        attempts: 0,
        lastError: null,
        lastAttemptAt: null,
        rejection: null,
      };
      await db.meta.put({ key: META_KEYS.kioskSeq, value: kioskSeq });
      await db.outbox.add(record);
      await db.pending.add({ kioskSeq, id: record.id });
      await db.meta.delete(META_KEYS.lastStorageError);
      return presentItem(record, { pending: true, onWire: false });
    });
  } catch (error) {
    const failure = new OutboxWriteError(isQuotaError(error) ? 'quota' : 'storage', error);
    await recordStorageError(db, { reason: failure.reason, at: now() });
    throw failure;
  }
}

/** Best effort: with the disk full this write may fail too, and the citizen's error must still surface. */
async function recordStorageError(db: ShubbakDb, record: StorageErrorRecord): Promise<void> {
  try {
    await db.meta.put({ key: META_KEYS.lastStorageError, value: record });
  } catch {
    // The supervisor then learns of it from the citizen's error screen, which does not depend on this write.
  }
}
