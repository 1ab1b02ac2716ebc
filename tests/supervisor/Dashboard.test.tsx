import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../src/storage/audit';
import { AuditLog } from '../../src/ui/supervisor/AuditLog';
import { Dashboard } from '../../src/ui/supervisor/Dashboard';
import { enqueueSample } from '../storage/support';
import { givenPin } from './harness';
import { createWorld, openSupervisor, renderIn, renderKiosk, typePin } from './render';

function fact(term: string): string {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

describe('the dashboard', () => {
  it('shows the sync status as it changes', async () => {
    const world = createWorld();
    renderIn('en', <Dashboard services={world.services} onShowOutbox={vi.fn()} />);
    expect(fact('State')).toBe('Up to date, waiting');
    expect(fact('Requests waiting to be sent')).toBe('0');

    world.sync.publish({ phase: 'backoff', pendingCount: 12, oldestPendingAgeMs: 3 * 3_600_000, rejectedCount: 2, enrolled: true, lastError: { reason: 'server', message: 'HTTP 503', at: 0 } });
    expect(await screen.findByText('Waiting before trying again')).toBeTruthy();
    expect(fact('Requests waiting to be sent')).toBe('12');
    expect(fact('Oldest waiting for')).toBe('3 hr');
    expect(fact('Requests refused by the back office')).toBe('2');
    expect(fact('Enrolled')).toBe('Yes');
    expect(fact('Last error')).toBe('the back office has an internal error (HTTP 503)');
  });

  it('tells staff at the top of supervisor mode when the kiosk is not enrolled, or refused, and what to do', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, '482915');
    await renderKiosk(world);
    openSupervisor();
    typePin('482915', 'Unlock');
    const warning = await screen.findByTestId('sv-enrolment-warning');
    expect(warning.getAttribute('data-mark')).toBe('notEnrolled');
    expect(warning.textContent).toMatch(/^This kiosk is not enrolled with the back office. It still takes requests/);
    act(() => world.sync.publish({ enrolled: true, phase: 'paused', lastError: { reason: 'unauthorized', message: '401', at: 0 } }));
    expect(screen.getByTestId('sv-enrolment-warning').getAttribute('data-mark')).toBe('refused');
    act(() => world.sync.publish({ phase: 'idle', lastError: null }));
    expect(screen.queryByTestId('sv-enrolment-warning')).toBeNull();
  });

  it('asks the sync service for a manual sync and records it', async () => {
    const world = createWorld();
    renderIn('en', <Dashboard services={world.services} onShowOutbox={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Synchronise now' }));
    expect(await screen.findByText('Synchronisation requested.')).toBeTruthy();
    expect(world.sync.triggers).toEqual(['manual']);
    expect((await listAudit(world.db, { limit: 1 }))[0]?.action).toBe('supervisor.syncNow');
  });

  it('shows diagnostics as JSON and as a QR code, without personal data', async () => {
    const world = createWorld();
    const request = await enqueueSample(world.db);
    renderIn('en', <Dashboard services={world.services} onShowOutbox={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show diagnostics' }));

    const json = await screen.findByLabelText('Diagnostics as JSON');
    const diagnostics = JSON.parse(json.textContent ?? '') as { outbox: Record<string, number>; app: { version: string } };
    expect(diagnostics.outbox.queued).toBe(1);
    expect(diagnostics.app.version).toBe('0.1.0-test');
    for (const personal of ['AB123456', 'Alaoui', 'Sara', '+212612345678', request.trackingCode]) expect(json.textContent).not.toContain(personal);
    expect((screen.getByRole('img', { name: 'QR code of the diagnostics' }) as HTMLImageElement).src).toMatch(/^data:image\/png;base64,/);
    expect((await listAudit(world.db, { limit: 1 }))[0]?.action).toBe('supervisor.export');
  });
});

describe('the audit log', () => {
  it('lists the supervisor’s actions, newest first, in the supervisor’s language', async () => {
    const world = createWorld();
    await world.services.audit('supervisor.unlock');
    await world.services.sync.syncNow();
    renderIn('fr', <AuditLog services={world.services} />);
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual(['Synchronisation demandée', 'Déverrouillage']);
  });
});

describe('moving around once unlocked', () => {
  it('goes from area to area with the tabs and locks on demand', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, '482915');
    await renderKiosk(world);
    openSupervisor();
    typePin('482915', 'Unlock');
    await screen.findByRole('heading', { name: 'Synchronisation' });

    fireEvent.click(screen.getByRole('button', { name: 'Queue' }));
    expect(await screen.findByRole('heading', { name: 'Queue of requests' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Queue' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Audit log' }));
    expect(await screen.findByRole('heading', { name: 'Audit log' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Kiosk settings' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await listAudit(world.db, { limit: 1 }))[0]?.action).toBe('supervisor.lock');
  });
});
