import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceEditInput } from '../../src/domain/console/catalogueAdmin';
import { callRoute, staffSession, type StaffSessionHandle } from './consoleFixtures';
import { harness, type Harness } from './fixtures';

let h: Harness;
let admin: StaffSessionHandle;
beforeEach(async () => {
  h = await harness();
  admin = await staffSession(h, 'north', 'admin', 'Admin');
});
afterEach(async () => {
  await h.app.close();
  h.store.close();
});

const text = (value: string) => ({ ar: `${value} ع`, zgh: `${value} ⵣ`, fr: value, en: value });

const edit = (overrides: Partial<ServiceEditInput> = {}): ServiceEditInput => ({
  expectedVersion: 1,
  active: true,
  delay: text('three days'),
  delayDays: 3,
  fee: { amountMad: 20, confirmed: true },
  documents: [text('CIN'), text('Water bill')],
  ...overrides,
});

const save = (session: StaffSessionHandle, serviceId: string, body: unknown, officeId = 'north') =>
  callRoute(h, session, 'catalogueService', { officeId, serviceId }, body);

describe('the catalogue in the console', () => {
  it('lists the office’s services for its admin, and refuses the other roles', async () => {
    const answer = await callRoute(h, admin, 'catalogue', { officeId: 'north' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().version).toBe(1);
    expect(answer.json().services.map((s: { id: string }) => s.id)).toEqual(['life', 'birth_extract']);
    expect(answer.json().services[0]).toMatchObject({ active: true, delayDays: null, fee: { amountMad: null, confirmed: false }, issuesCertificate: false });
    const agent = await staffSession(h, 'north', 'chief', 'Chief');
    const refused = await callRoute(h, agent, 'catalogue', { officeId: 'north' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'role_forbidden']);
  });

  it('saves an edit as the office’s next version, which the kiosks pull, and audits it', async () => {
    const kiosk = await h.enrol('north');
    const saved = await save(admin, 'life', edit());
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    expect(saved.json().services[0]).toMatchObject({ delayDays: 3, fee: { amountMad: 20, confirmed: true }, documents: [text('CIN'), text('Water bill')] });
    const pulled = (await h.get('/api/v1/catalogue?since=1', kiosk.deviceToken)).json().catalogue;
    expect(pulled.version).toBe(2);
    expect(pulled.services[0]).toMatchObject({ id: 'life', delay: text('three days'), delayDays: 3 });
    // The other office's catalogue is untouched.
    expect((await h.store.getCatalogue('south'))?.version).toBe(1);
    const audit = h.store.db.prepare("SELECT staff_id, office_id, detail FROM staff_audit WHERE action = 'catalogueServiceChanged'").all();
    expect(audit).toEqual([{ staff_id: admin.staffId, office_id: 'north', detail: 'service life (delay, fee, documents): catalogue version 1 → 2' }]);
  });

  it('deactivates a service, so that the kiosks stop offering it, and activates it again', async () => {
    const off = await save(admin, 'birth_extract', edit({ active: false, delayDays: null, fee: { amountMad: null, confirmed: false } }));
    expect(off.json().services[1]).toMatchObject({ id: 'birth_extract', active: false, delayDays: null });
    expect((await h.store.getCatalogue('north'))?.services[1]).not.toHaveProperty('delayDays');
    const on = await save(admin, 'birth_extract', edit({ expectedVersion: 2, active: true }));
    expect(on.json()).toMatchObject({ version: 3, services: [{ active: true }, { active: true }] });
    const details = h.store.db.prepare("SELECT detail FROM staff_audit WHERE action = 'catalogueServiceChanged' ORDER BY rowid").pluck().all();
    expect(details[0]).toContain('(deactivated');
    expect(details[1]).toContain('(activated');
  });

  it('refuses an edit made over an older version: two admins never overwrite each other', async () => {
    const other = await staffSession(h, 'north', 'admin', 'Other admin');
    expect((await save(admin, 'life', edit())).statusCode).toBe(200);
    const late = await save(other, 'life', edit({ fee: { amountMad: 50, confirmed: true } }));
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'version_conflict']);
    expect((await h.store.getCatalogue('north'))?.services[0]?.fee.amountMad).toBe(20);
  });

  it.each([
    ['an empty delay', edit({ delay: { ...text('x'), fr: '  ' } })],
    ['a control character in a document', edit({ documents: [{ ...text('CIN'), en: 'CIN\u001b[31m' }] })],
    ['a bidi override', edit({ delay: { ...text('x'), ar: '\u202Eيومان' } })],
    ['a negative fee', edit({ fee: { amountMad: -5, confirmed: true } })],
    ['too many documents', edit({ documents: Array.from({ length: 13 }, () => text('paper')) })],
    ['a delay of a thousand days', edit({ delayDays: 1000 })],
    ['a missing language', edit({ delay: { ar: 'يومان', fr: 'deux jours', en: 'two days' } as ServiceEditInput['delay'] })],
    ['a field the console does not edit', { ...edit(), pictogram: 'house' }],
  ])('refuses %s and keeps the catalogue as it was', async (_, body) => {
    const answer = await save(admin, 'life', body);
    expect([answer.statusCode, answer.json().error.code]).toEqual([400, 'invalid_body']);
    expect((await h.store.getCatalogue('north'))?.version).toBe(1);
  });

  it('stores the texts cleaned (NFC, trimmed)', async () => {
    await save(admin, 'life', edit({ delay: { ...text('x'), fr: '  Cafe\u0301 en 2 jours ' } }));
    expect((await h.store.getCatalogue('north'))?.services[0]?.delay.fr).toBe('Café en 2 jours');
  });

  it('answers 404 for a service the office does not have and for another office', async () => {
    expect((await save(admin, 'flying_licence', edit())).statusCode).toBe(404);
    expect((await save(admin, 'life', edit(), 'south')).statusCode).toBe(404);
    expect((await callRoute(h, admin, 'catalogue', { officeId: 'south' })).statusCode).toBe(404);
  });
});
