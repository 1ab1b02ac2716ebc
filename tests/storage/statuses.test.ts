import { describe, expect, it } from 'vitest';
import type { StatusChange } from '../../src/domain/syncProtocol';
import { applyChanges, readPullCursor, statusByTrackingCode } from '../../src/storage/statuses';
import { enqueueSample, freshDb } from './support';

const change = (seq: number, requestId: string, trackingCode: string, status: StatusChange['status']): StatusChange => ({
  seq,
  requestId,
  trackingCode,
  status,
  reason: status === 'refused' ? 'missing document' : null,
  changedAt: '2026-11-28T11:00:00.000Z',
});

describe('statuses pulled from the back office', () => {
  it('stores a page of changes and its cursor together', async () => {
    const db = freshDb();
    await applyChanges(db, [change(1, 'r1', 'ABC-00001-X', 'received'), change(2, 'r1', 'ABC-00001-X', 'inReview')], 2);
    expect(await readPullCursor(db)).toBe(2);
    expect(await db.statuses.get('r1')).toMatchObject({ status: 'inReview', seq: 2 });
  });

  it('ignores a change older than the one it holds: the server sequence orders, not the clock', async () => {
    const db = freshDb();
    await applyChanges(db, [change(7, 'r1', 'ABC-00001-X', 'ready')], 7);
    await applyChanges(db, [change(5, 'r1', 'ABC-00001-X', 'inReview')], 8);
    expect(await db.statuses.get('r1')).toMatchObject({ status: 'ready', seq: 7 });
    expect(await readPullCursor(db)).toBe(8);
  });

  it('keeps neither the changes nor the cursor when the page cannot be stored', async () => {
    const db = freshDb();
    await applyChanges(db, [change(1, 'r1', 'ABC-00001-X', 'received')], 1);
    const broken = [change(2, 'r2', 'ABC-00002-X', 'received'), { ...change(3, 'r3', 'ABC-00003-X', 'received'), requestId: {} as unknown as string }];
    await expect(applyChanges(db, broken, 3)).rejects.toThrow();
    expect(await readPullCursor(db)).toBe(1);
    expect(await db.statuses.get('r2')).toBeUndefined();
  });

  it('answers the citizen with the local state and the remote status, whatever the case and spacing typed', async () => {
    const db = freshDb();
    const item = await enqueueSample(db);
    await applyChanges(db, [change(1, item.id, item.trackingCode, 'ready')], 1);
    const typed = ` ${item.trackingCode.replace(/-/g, ' ').toLowerCase()} `;
    expect(await statusByTrackingCode(db, typed)).toMatchObject({ local: 'queued', serviceId: 'life', remote: { status: 'ready', seq: 1 } });
  });

  it('knows a request made on another kiosk of the office by its remote status only', async () => {
    const db = freshDb();
    await applyChanges(db, [change(4, 'elsewhere', 'XYZ-00042-A', 'refused')], 4);
    expect(await statusByTrackingCode(db, 'XYZ-00042-A')).toMatchObject({ local: null, serviceId: null, remote: { status: 'refused', reason: 'missing document' } });
    expect(await statusByTrackingCode(db, 'QQQ-00001-Q')).toEqual({ local: null, serviceId: null, remote: null, proof: null });
  });
});
