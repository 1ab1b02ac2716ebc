import { describe, expect, it } from 'vitest';
import { appendAudit, listAudit, markAuditSynced, unsyncedAudit } from '../../src/storage/audit';
import { T0, freshDb } from './support';

describe('the audit log', () => {
  it('appends entries with a UUID, the time and no more than the allowed lengths', async () => {
    const db = freshDb();
    const entry = await appendAudit(db, 'settings.change', 'heartbeatSeconds', T0);
    expect(entry).toMatchObject({ at: T0, action: 'settings.change', detail: 'heartbeatSeconds', synced: 0 });
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await appendAudit(db, 'x', 'd'.repeat(5000), T0)).detail).toHaveLength(1000);
  });

  it('lists newest first and pages back in time', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) await appendAudit(db, `action.${i}`, '', T0 + i);
    expect((await listAudit(db, { limit: 2 })).map((e) => e.action)).toEqual(['action.4', 'action.3']);
    expect((await listAudit(db, { limit: 2, before: T0 + 3 })).map((e) => e.action)).toEqual(['action.2', 'action.1']);
  });

  it('hands out unsynced entries oldest first until they are marked synced', async () => {
    const db = freshDb();
    const entries = [];
    for (let i = 0; i < 4; i++) entries.push(await appendAudit(db, `action.${i}`, '', T0 + 10 - i));
    const first = await unsyncedAudit(db, 2);
    expect(first.map((e) => e.action)).toEqual(['action.3', 'action.2']);
    await markAuditSynced(db, first.map((e) => e.id));
    expect((await unsyncedAudit(db, 10)).map((e) => e.action)).toEqual(['action.1', 'action.0']);
    expect(await db.audit.count()).toBe(4);
  });
});
