import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { commandRoute } from '../../backoffice/console/src/api/commandRoute';
import { ConsoleApiError } from '../../backoffice/console/src/api/consoleApi';
import { detail, fakeConsoleApi, ME } from './fakeConsoleApi';
import { renderConsole } from './render';

const REQUEST_HASH = '#/requests/0193a6f0-0000-7000-8000-000000000001';
const mine = { id: ME.staff.id, name: ME.staff.name };

describe('the request page', () => {
  it('shows identity, fields, checklist and history, and only the allowed actions', async () => {
    renderConsole(fakeConsoleApi(), { hash: REQUEST_HASH });
    await screen.findByTestId('page-request');
    expect(screen.getByTestId('identity-cin').textContent).toBe('AB123456');
    expect(within(screen.getByTestId('service-fields')).getByText('12 rue Atlas, Berkane')).toBeTruthy();
    expect(within(screen.getByTestId('timeline')).getByText('Created on the kiosk Hall, left')).toBeTruthy();
    const actions = within(screen.getByTestId('actions')).getAllByRole('button').map((button) => button.dataset['testid']);
    expect(actions).toEqual(['action-assign']);
    expect((screen.getByTestId('checklist-0') as HTMLInputElement).disabled).toBe(true);
  });

  it('assigns with the version it shows, then offers what the holder may do', async () => {
    const api = fakeConsoleApi({
      command: vi.fn(async () => detail({ version: 2, assignee: mine, allowedActions: ['release', 'checkDocument', 'startReview'] })),
    });
    renderConsole(api, { hash: REQUEST_HASH });
    await userEvent.click(await screen.findByTestId('action-assign'));
    expect(api.command).toHaveBeenCalledWith('berkane-1', '0193a6f0-0000-7000-8000-000000000001', 1, { action: 'assign' });
    expect((await screen.findByTestId('notice-done')).textContent).toBe('The request is assigned to you.');
    expect(screen.getByTestId('assignee').textContent).toBe('Assigned to Amina Berrada');
    expect(screen.getByTestId('action-startReview')).toBeTruthy();
    await userEvent.click(screen.getByTestId('checklist-1'));
    expect(api.command).toHaveBeenLastCalledWith('berkane-1', '0193a6f0-0000-7000-8000-000000000001', 2, { action: 'checkDocument', index: 1, checked: true });
  });

  it('says plainly when a colleague acted first, and shows the request as it now is', async () => {
    const api = fakeConsoleApi({
      request: vi.fn().mockResolvedValueOnce(detail()).mockResolvedValueOnce(detail({ version: 2, assignee: { id: 'staff-youssef', name: 'Youssef Alaoui' }, allowedActions: ['assign'] })),
      command: vi.fn(async () => Promise.reject(new ConsoleApiError(409, 'version_conflict', 'changed'))),
    });
    renderConsole(api, { hash: REQUEST_HASH });
    await userEvent.click(await screen.findByTestId('action-assign'));
    expect((await screen.findByTestId('notice-conflict')).getAttribute('role')).toBe('alert');
    await waitFor(() => expect(screen.getByTestId('assignee').textContent).toBe('Assigned to Youssef Alaoui'));
    expect(screen.getByTestId('page-request').dataset['version']).toBe('2');
  });

  it('refuses only with a reason from the list, and "other" only with a text', async () => {
    const api = fakeConsoleApi({ request: vi.fn(async () => detail({ allowedActions: ['assign', 'refuse'] })) });
    renderConsole(api, { hash: REQUEST_HASH });
    await userEvent.click(await screen.findByTestId('action-refuse'));
    await userEvent.click(screen.getByTestId('refusal-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a reason.');
    await userEvent.selectOptions(screen.getByTestId('refusal-reason'), 'other');
    await userEvent.click(screen.getByTestId('refusal-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('Write the reason the citizen will read.');
    await userEvent.selectOptions(screen.getByTestId('refusal-reason'), 'missingDocuments');
    await userEvent.type(screen.getByTestId('refusal-note'), '  The water bill is missing. ');
    await userEvent.click(screen.getByTestId('refusal-confirm'));
    expect(api.command).toHaveBeenCalledWith('berkane-1', '0193a6f0-0000-7000-8000-000000000001', 1, { action: 'refuse', reasonCode: 'missingDocuments', reason: 'The water bill is missing.' });
  });

  it('records a collection by a proxy with a valid CIN that is not the holder’s', async () => {
    const api = fakeConsoleApi({ request: vi.fn(async () => detail({ status: 'ready', allowedActions: ['assign', 'collect'] })) });
    renderConsole(api, { hash: REQUEST_HASH });
    await userEvent.click(await screen.findByTestId('action-collect'));
    await userEvent.click(screen.getByTestId('collection-proxy'));
    await userEvent.type(screen.getByTestId('proxy-name'), 'Karim El Amrani');
    await userEvent.type(screen.getByTestId('proxy-cin'), 'ab123456');
    await userEvent.click(screen.getByTestId('collection-confirm'));
    expect((await screen.findByRole('alert')).textContent).toContain("holder's own CIN");
    await userEvent.clear(screen.getByTestId('proxy-cin'));
    await userEvent.type(screen.getByTestId('proxy-cin'), 'f 654321');
    await userEvent.click(screen.getByTestId('collection-confirm'));
    expect(api.command).toHaveBeenCalledWith('berkane-1', '0193a6f0-0000-7000-8000-000000000001', 1, { action: 'collect', collector: { kind: 'proxy', name: 'Karim El Amrani', cin: 'F654321' } });
  });

  it('answers a request of another office (404) as unknown', async () => {
    renderConsole(fakeConsoleApi({ request: vi.fn(async () => Promise.reject(new ConsoleApiError(404, 'not_found', 'no'))) }), { hash: REQUEST_HASH });
    expect((await screen.findByTestId('page-request-missing')).textContent).toContain('No such request in this office');
  });
});

describe('which route carries an action', () => {
  it.each([
    [{ action: 'assign' as const }, 'assign', { expectedVersion: 4 }],
    [{ action: 'startReview' as const }, 'status', { expectedVersion: 4, status: 'inReview' }],
    [{ action: 'markReady' as const }, 'status', { expectedVersion: 4, status: 'ready' }],
    [{ action: 'refuse' as const, reasonCode: 'notEligible' as const, reason: undefined }, 'refuse', { expectedVersion: 4, reasonCode: 'notEligible' }],
    [{ action: 'collect' as const, collector: { kind: 'holder' as const } }, 'collect', { expectedVersion: 4, collector: { kind: 'holder' } }],
    [{ action: 'issueCertificate' as const }, 'certificateIssue', { expectedVersion: 4 }],
  ])('%o goes to %s', (command, route, body) => {
    expect(commandRoute(command, 4)).toEqual({ route, body });
  });
});

describe('certificates on the request page', () => {
  const issued = {
    number: 'DEMO-2026-000123',
    serviceId: 'residence',
    issuedAt: '2026-12-01T10:00:00.000Z',
    issuedBy: { id: 'staff-said', name: 'Said Chafik' },
    revokedAt: null,
    revokedBy: null,
    revokedReason: null,
  };

  it('lets a chief issue the certificate with the version shown', async () => {
    const api = fakeConsoleApi({
      request: vi.fn(async () => detail({ status: 'inReview', allowedActions: ['assign', 'issueCertificate', 'refuse'] })),
      command: vi.fn(async () => detail({ status: 'ready', version: 3, allowedActions: ['collect', 'revokeCertificate'] })),
    });
    renderConsole(api, { hash: REQUEST_HASH });
    await userEvent.click(await screen.findByTestId('action-issueCertificate'));
    expect(api.command).toHaveBeenCalledWith('berkane-1', '0193a6f0-0000-7000-8000-000000000001', 1, { action: 'issueCertificate' });
    expect((await screen.findByTestId('notice-done')).textContent).toContain('certificate is issued');
  });

  it('lists the certificates with their PDF, and revokes one with a reason', async () => {
    const api = fakeConsoleApi({
      request: vi.fn(async () => detail({ status: 'ready', allowedActions: ['collect', 'revokeCertificate'] })),
      certificates: vi.fn(async () => [issued]),
      revokeCertificate: vi.fn(async () => ({ ...issued, revokedAt: '2026-12-01T11:00:00.000Z' })),
    });
    renderConsole(api, { hash: REQUEST_HASH });
    const line = await screen.findByTestId('certificate-DEMO-2026-000123');
    expect(within(line).getByTestId('certificate-pdf').getAttribute('href')).toBe('/pdf/DEMO-2026-000123');
    await userEvent.click(within(line).getByTestId('certificate-revoke'));
    await userEvent.type(screen.getByTestId('certificate-revoke-reason'), 'Issued with a misspelt name');
    await userEvent.click(screen.getByTestId('certificate-revoke-confirm'));
    expect(api.revokeCertificate).toHaveBeenCalledWith('berkane-1', '0193a6f0-0000-7000-8000-000000000001', 'DEMO-2026-000123', 'Issued with a misspelt name');
  });
});
