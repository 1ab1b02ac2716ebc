import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

const entry = (action: string) => ({ id: uuidv4(), at: '2026-11-28T09:00:00.000Z', action, detail: 'from the supervisor screen' });

describe('audit entries from the kiosk', () => {
  it('stores each entry once, however often it is sent', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const entries = [entry('supervisor.unlock'), entry('outbox.discard')];
    expect((await h.post('/api/v1/audit', { entries }, kiosk.deviceToken)).json()).toEqual({ stored: 2, duplicates: 0 });
    expect((await h.post('/api/v1/audit', { entries: [...entries, entry('sync.now')] }, kiosk.deviceToken)).json()).toEqual({
      stored: 1,
      duplicates: 2,
    });
    expect((await h.store.stats()).auditEntries).toBe(3);
  });

  it('records which kiosk and office sent an entry', async () => {
    h = await harness();
    const kiosk = await h.enrol('south');
    const sent = entry('supervisor.unlock');
    await h.post('/api/v1/audit', { entries: [sent] }, kiosk.deviceToken);
    expect(h.store.db.prepare('SELECT device_id AS d, office_id AS o FROM audit_entries WHERE id = ?').get(sent.id)).toEqual({
      d: kiosk.deviceId,
      o: 'south',
    });
  });

  it('refuses the whole batch when one entry is malformed, storing nothing', async () => {
    h = await harness();
    const kiosk = await h.enrol();
    const response = await h.post('/api/v1/audit', { entries: [entry('ok'), { ...entry('bad'), id: 'not-a-uuid' }] }, kiosk.deviceToken);
    expect(response.statusCode).toBe(400);
    expect((await h.store.stats()).auditEntries).toBe(0);
  });
});
