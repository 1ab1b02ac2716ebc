import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConsoleApiError } from '../../backoffice/console/src/api/consoleApi';
import type { CatalogueAdmin, CatalogueServiceRow } from '../../src/domain/console/catalogueAdmin';
import type { KioskRow } from '../../src/domain/console/fleet';
import type { StaffRow } from '../../src/domain/console/staffAdmin';
import { fakeConsoleApi, ME } from './fakeConsoleApi';
import { renderConsole } from './render';

const admin = { ...ME, offices: [{ ...ME.offices[0]!, role: 'admin' as const }] };

const kiosk = (overrides: Partial<KioskRow> = {}): KioskRow => ({
  id: 'kiosk-1',
  label: 'Hall, left',
  trackingPrefix: 'BRK',
  enrolledAt: '2026-11-01T08:00:00.000Z',
  revokedAt: null,
  heartbeat: {
    appVersion: '0.1.0',
    queueDepth: 2,
    oldestPendingAgeSeconds: 7_200,
    rejectedCount: 0,
    lastSuccessAt: '2026-12-01T09:00:00.000Z',
    lastError: { reason: 'network', at: '2026-12-01T09:05:00.000Z' },
    printer: 'ok',
    freeStorageBytes: 2_500_000_000,
    sentAt: '2026-12-01T09:05:00.000Z',
  },
  lastSeenAt: '2026-12-01T09:05:00.000Z',
  silent: false,
  ...overrides,
});

const member = (overrides: Partial<StaffRow> = {}): StaffRow => ({
  id: 'staff-youssef',
  name: 'Youssef Alaoui',
  login: 'youssef',
  role: 'agent',
  state: 'active',
  createdAt: '2026-11-01T08:00:00.000Z',
  lastLoginAt: null,
  ...overrides,
});

describe('the kiosks page', () => {
  it('shows each kiosk’s figures and marks a silent one', async () => {
    renderConsole(fakeConsoleApi({ kiosks: vi.fn(async () => ({ kiosks: [kiosk(), kiosk({ id: 'kiosk-2', label: 'Hall, right', silent: true, heartbeat: null, lastSeenAt: null })] })) }), { hash: '#/fleet' });
    const first = await screen.findByTestId('kiosk-kiosk-1');
    expect(within(first).queryByTestId('kiosk-silent')).toBeNull();
    expect(first.textContent).toContain('2 hr');
    expect(first.textContent).toContain('2.5 GB');
    expect(within(screen.getByTestId('kiosk-kiosk-2')).getByTestId('kiosk-silent').textContent).toBe('Silent for more than 15 minutes');
    expect(screen.queryByTestId('new-enrolment-code')).toBeNull();
  });

  it('lets an admin make an enrolment code and revoke a kiosk after confirming', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => admin), kiosks: vi.fn(async () => ({ kiosks: [kiosk()] })), revokeKiosk: vi.fn(async () => ({ kiosks: [kiosk({ revokedAt: '2026-12-01T10:00:00.000Z' })] })) });
    renderConsole(api, { hash: '#/fleet' });
    await userEvent.click(await screen.findByTestId('new-enrolment-code'));
    expect((await screen.findByTestId('enrolment-code')).textContent).toContain('AB12-CD34');
    await userEvent.click(screen.getByTestId('revoke-kiosk-1'));
    expect(api.revokeKiosk).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('revoke-confirm-kiosk-1'));
    expect(api.revokeKiosk).toHaveBeenCalledWith('berkane-1', 'kiosk-1');
    expect(await screen.findByText('Revoked')).toBeTruthy();
  });
});

describe('the statistics page', () => {
  it('shows the figures, a chart of each day and the CSV link for the range', async () => {
    const api = fakeConsoleApi({
      statistics: vi.fn(async () => ({
        from: '2026-11-30',
        to: '2026-12-01',
        perDay: [
          { day: '2026-11-30', received: 4 },
          { day: '2026-12-01', received: 6 },
        ],
        perService: [{ serviceId: 'residence', received: 10, ready: 6, collected: 3, refused: 1 }],
        received: 10,
        medianReceivedToReadyHours: 26,
        refusedShare: 0.1,
      })),
    });
    renderConsole(api, { hash: '#/statistics' });
    expect((await screen.findByTestId('statistics-median')).textContent).toBe('1.1 days');
    expect(screen.getByTestId('statistics-refused').textContent).toBe('10%');
    expect(screen.getByTestId('daily-chart').querySelectorAll('rect')).toHaveLength(2);
    expect(within(screen.getByTestId('statistics-services')).getByText('Residence certificate')).toBeTruthy();
    expect(screen.getByTestId('statistics-csv').getAttribute('href')).toBe('/statistics.csv');
  });
});

describe('the staff page', () => {
  it('is in the navigation for admins only', async () => {
    renderConsole(fakeConsoleApi());
    await screen.findByTestId('page-queues');
    expect(screen.queryByTestId('nav-staff')).toBeNull();
  });

  it('adds a person and shows their one-time code, resets a password and revokes', async () => {
    const api = fakeConsoleApi({
      me: vi.fn(async () => admin),
      staff: vi.fn(async () => [member(), member({ id: ME.staff.id, name: ME.staff.name, login: 'amina', role: 'admin' })]),
      createStaff: vi.fn(async () => ({ staff: member({ id: 'staff-nadia', name: 'Nadia Tazi', login: 'nadia', state: 'pendingActivation' }), activationCode: 'ABCD-EFGH-JKMN', expiresAt: '2026-12-03T09:00:00.000Z' })),
      resetPassword: vi.fn(async () => ({ staff: member({ state: 'pendingActivation' }), activationCode: 'PQRS-TVWX-YZ12', expiresAt: '2026-12-03T09:00:00.000Z' })),
      revokeStaff: vi.fn(async () => member({ state: 'revoked' })),
    });
    renderConsole(api, { hash: '#/staff' });
    await userEvent.type(await screen.findByTestId('staff-name'), 'Nadia Tazi');
    await userEvent.selectOptions(screen.getByTestId('staff-role'), 'chief');
    await userEvent.click(screen.getByTestId('staff-add-submit'));
    expect(api.createStaff).toHaveBeenCalledWith('berkane-1', { name: 'Nadia Tazi', role: 'chief' });
    expect((await screen.findByTestId('activation-code-issued')).textContent).toContain('ABCD-EFGH-JKMN');
    expect(screen.queryByTestId('staff-revoke-amina')).toBeNull();
    await userEvent.click(screen.getByTestId('staff-reset-youssef'));
    await waitFor(() => expect(screen.getByTestId('activation-code-issued').textContent).toContain('PQRS-TVWX-YZ12'));
    await userEvent.click(screen.getByTestId('staff-revoke-youssef'));
    expect(api.revokeStaff).toHaveBeenCalledWith('berkane-1', 'staff-youssef');
  });
});

describe('the catalogue page', () => {
  const text = (value: string) => ({ ar: `${value} ع`, zgh: `${value} ⵣ`, fr: value, en: value });
  const service = (overrides: Partial<CatalogueServiceRow> = {}): CatalogueServiceRow => ({
    id: 'residence',
    name: text('Residence certificate'),
    active: true,
    delay: text('five days'),
    delayDays: 5,
    fee: { amountMad: null, confirmed: false },
    documents: [text('CIN'), text('Water bill')],
    issuesCertificate: true,
    ...overrides,
  });
  const catalogue = (services: CatalogueServiceRow[], version = 4): CatalogueAdmin => ({ version, services });

  it('is in the navigation for admins only', async () => {
    renderConsole(fakeConsoleApi());
    await screen.findByTestId('page-queues');
    expect(screen.queryByTestId('nav-catalogue')).toBeNull();
  });

  it('lists the services with their state, delay, fee and documents', async () => {
    renderConsole(fakeConsoleApi({ me: vi.fn(async () => admin), catalogue: vi.fn(async () => catalogue([service(), service({ id: 'single', name: text('Single status'), active: false, fee: { amountMad: 2, confirmed: true }, documents: [] })])) }), { hash: '#/catalogue' });
    const residence = await screen.findByTestId('catalogue-residence');
    expect(residence.textContent).toContain('Residence certificate');
    expect(residence.textContent).toContain('five days (5 days)');
    expect(residence.textContent).toContain('Ask at the counter (not confirmed)');
    expect(residence.textContent).toContain('CIN · Water bill');
    expect(screen.getByTestId('catalogue-state-single').textContent).toBe('Not offered');
    expect(screen.getByTestId('catalogue-single').textContent).toContain('2 DH');
    expect(screen.getByTestId('catalogue-version').textContent).toBe('Catalogue version 4');
  });

  it('stops offering a service over the version shown, and says when the kiosks get it', async () => {
    const api = fakeConsoleApi({
      me: vi.fn(async () => admin),
      catalogue: vi.fn(async () => catalogue([service()])),
      editService: vi.fn(async () => catalogue([service({ active: false })], 5)),
    });
    renderConsole(api, { hash: '#/catalogue' });
    await userEvent.click(await screen.findByTestId('catalogue-toggle-residence'));
    expect(api.editService).toHaveBeenCalledWith('berkane-1', 'residence', expect.objectContaining({ expectedVersion: 4, active: false, delayDays: 5 }));
    expect((await screen.findByTestId('catalogue-notice')).textContent).toContain('catalogue version 5');
    expect(screen.getByTestId('catalogue-state-residence').textContent).toBe('Not offered');
  });

  it('edits the delay, the fee and the documents in every kiosk language, with the keyboard', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => admin), catalogue: vi.fn(async () => catalogue([service()])), editService: vi.fn(async () => catalogue([service()], 5)) });
    renderConsole(api, { hash: '#/catalogue' });
    (await screen.findByTestId('catalogue-edit-residence')).focus();
    await userEvent.keyboard('{Enter}');
    const fee = screen.getByTestId('service-fee');
    await userEvent.type(fee, '20');
    await userEvent.click(screen.getByTestId('service-fee-confirmed'));
    await userEvent.clear(screen.getByTestId('service-delay-days'));
    await userEvent.click(screen.getByTestId('service-document-remove-1'));
    await userEvent.click(screen.getByTestId('service-document-add'));
    for (const [locale, value] of Object.entries({ ar: 'وصل الماء', zgh: 'ⵜⴰⴼⴰⵜⵓⵔⵜ', fr: "Facture d'eau", en: 'Water bill' })) {
      await userEvent.type(screen.getByTestId(`service-document-1-${locale}`), value);
    }
    expect(screen.getByTestId('service-document-1-ar').getAttribute('dir')).toBe('rtl');
    await userEvent.click(screen.getByTestId('service-edit-confirm'));
    expect(api.editService).toHaveBeenCalledWith('berkane-1', 'residence', {
      expectedVersion: 4,
      active: true,
      delay: text('five days'),
      delayDays: null,
      fee: { amountMad: 20, confirmed: true },
      documents: [text('CIN'), { ar: 'وصل الماء', zgh: 'ⵜⴰⴼⴰⵜⵓⵔⵜ', fr: "Facture d'eau", en: 'Water bill' }],
    });
    await waitFor(() => expect(screen.queryByTestId('service-edit')).toBeNull());
  });

  it('refuses an empty text before sending, and shows the catalogue afresh after a conflict', async () => {
    const api = fakeConsoleApi({
      me: vi.fn(async () => admin),
      catalogue: vi.fn().mockResolvedValueOnce(catalogue([service()])).mockResolvedValueOnce(catalogue([service({ delayDays: 9 })], 5)),
      editService: vi.fn(async () => {
        throw new ConsoleApiError(409, 'version_conflict', 'changed');
      }),
    });
    renderConsole(api, { hash: '#/catalogue' });
    await userEvent.click(await screen.findByTestId('catalogue-edit-residence'));
    await userEvent.clear(screen.getByTestId('service-delay-fr'));
    await userEvent.click(screen.getByTestId('service-edit-confirm'));
    expect(screen.getByRole('alert').textContent).toContain('each text is needed in every language');
    expect(api.editService).not.toHaveBeenCalled();
    await userEvent.type(screen.getByTestId('service-delay-fr'), 'cinq jours');
    await userEvent.click(screen.getByTestId('service-edit-confirm'));
    expect((await screen.findByTestId('catalogue-notice')).textContent).toContain('Someone changed the catalogue');
    await waitFor(() => expect(screen.getByTestId('catalogue-residence').textContent).toContain('(9 days)'));
  });

  it('reads right to left in Arabic', async () => {
    renderConsole(fakeConsoleApi({ me: vi.fn(async () => admin), catalogue: vi.fn(async () => catalogue([service()])) }), { hash: '#/catalogue', locale: 'ar' });
    expect((await screen.findByTestId('catalogue-residence')).textContent).toContain('Residence certificate ع');
    expect(document.documentElement.dir).toBe('rtl');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('خدمات المكتب');
  });
});
