import { describe, expect, it } from 'vitest';
import { META_KEYS, readMeta } from '../../src/storage/meta';
import { OutboxWriteError } from '../../src/storage/outbox';
import { T0, enqueueSample, freshDb } from './support';

/** Makes the browser refuse the next outbox insert the way a full disk does. */
function fillDisk(db: ReturnType<typeof freshDb>): () => void {
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  db.outbox.hook('creating', refuse);
  return () => db.outbox.hook('creating').unsubscribe(refuse);
}

describe('an enqueue when storage is full (fault test 7)', () => {
  it('fails visibly with reason quota and writes nothing: no row, no sequence taken', async () => {
    const db = freshDb();
    await enqueueSample(db);
    const freeDisk = fillDisk(db);
    const failure = await enqueueSample(db, {}, T0 + 5).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutboxWriteError);
    expect((failure as OutboxWriteError).reason).toBe('quota');
    expect(await db.outbox.count()).toBe(1);
    expect(await readMeta(db, META_KEYS.kioskSeq, 0)).toBe(1);
    freeDisk();
    expect((await enqueueSample(db)).kioskSeq).toBe(2);
  });

  it('records the failure where the supervisor sees it, until a write succeeds again', async () => {
    const db = freshDb();
    const freeDisk = fillDisk(db);
    await expect(enqueueSample(db, {}, T0 + 5)).rejects.toThrow(OutboxWriteError);
    expect(await readMeta(db, META_KEYS.lastStorageError, null)).toEqual({ reason: 'quota', at: T0 + 5 });
    freeDisk();
    await enqueueSample(db);
    expect(await readMeta(db, META_KEYS.lastStorageError, null)).toBeNull();
  });
});
