import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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
