import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { listRequestOf } from '../../backoffice/console/src/app/queueQuery';
import { fakeConsoleApi, page, row } from './fakeConsoleApi';
import { renderConsole } from './render';

describe('the queues page', () => {
  it('shows every queue with its count and the New queue, oldest first', async () => {
    const api = fakeConsoleApi();
    renderConsole(api);
    await screen.findByTestId('row-BRK-7K3Q-XM');
    expect(screen.getByTestId('queue-count-new').textContent).toBe('3');
    expect(screen.getByTestId('queue-count-ready').textContent).toBe('4');
    expect(screen.getByTestId('queue-new').getAttribute('aria-pressed')).toBe('true');
    expect(api.queue).toHaveBeenCalledWith('berkane-1', 'new', { offset: 0, limit: 25, order: 'oldest' });
    expect(screen.getByTestId('overdue-total').textContent).toBe('1 request overdue');
  });

  it('switches queue, order and page from the keyboard', async () => {
    const api = fakeConsoleApi({ queue: vi.fn(async () => page([row()], 60)) });
    renderConsole(api);
    await screen.findByTestId('row-BRK-7K3Q-XM');
    screen.getByTestId('queue-ready').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(api.queue).toHaveBeenLastCalledWith('berkane-1', 'ready', { offset: 0, limit: 25, order: 'oldest' }));
    screen.getByTestId('order-toggle').focus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(api.queue).toHaveBeenLastCalledWith('berkane-1', 'ready', { offset: 0, limit: 25, order: 'newest' }));
    expect(screen.getByTestId('page-position').textContent).toBe('Page 1 of 3 (60 requests)');
    screen.getByTestId('page-next').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(api.queue).toHaveBeenLastCalledWith('berkane-1', 'ready', { offset: 25, limit: 25, order: 'newest' }));
  });

  it('marks an overdue request and links each line to its page', async () => {
    renderConsole(fakeConsoleApi({ queue: vi.fn(async () => page([row({ overdue: true })])) }));
    const line = await screen.findByTestId('row-BRK-7K3Q-XM');
    expect(within(line).getByTestId('overdue').textContent).toBe('Overdue');
    expect(within(line).getByRole('link').getAttribute('href')).toBe('#/requests/0193a6f0-0000-7000-8000-000000000001');
    expect(within(line).getByText('Residence certificate')).toBeTruthy();
  });

  it('searches every status by text, with the filters', async () => {
    const api = fakeConsoleApi();
    renderConsole(api);
    await screen.findByTestId('row-BRK-7K3Q-XM');
    await userEvent.selectOptions(screen.getByTestId('filter-service'), 'residence');
    await userEvent.type(screen.getByTestId('search'), 'ab123456{Enter}');
    await waitFor(() => expect(api.search).toHaveBeenCalledWith('berkane-1', { offset: 0, limit: 25, order: 'oldest', serviceId: 'residence', q: 'ab123456' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty('textContent', 'Search results');
    expect(screen.getByTestId('queue-empty')).toBeTruthy();
  });

  it('reloads the list and says so when the office changes (a new request arrives)', async () => {
    const api = fakeConsoleApi();
    renderConsole(api);
    await screen.findByTestId('row-BRK-7K3Q-XM');
    const before = vi.mocked(api.queue).mock.calls.length;
    api.emitChange();
    await waitFor(() => expect(vi.mocked(api.queue).mock.calls.length).toBe(before + 1));
    expect(screen.getByTestId('live-status').textContent).toBe('The list was updated with new changes.');
  });
});

describe('which list the queue page asks for', () => {
  const base = { queue: 'ready' as const, order: 'oldest' as const, page: 2, pageSize: 25, text: '', filters: {} };
  it.each([
    ['a bare queue: the queue route', base, { kind: 'queue', queue: 'ready', paging: { offset: 50, limit: 25, order: 'oldest' } }],
    ['filters alone: the search route, narrowed to the queue status', { ...base, filters: { channel: 'kiosk' as const } }, { kind: 'search', query: { offset: 50, limit: 25, order: 'oldest', channel: 'kiosk', status: 'ready', q: '' } }],
    ['a search text: every status', { ...base, text: 'El Amrani' }, { kind: 'search', query: { offset: 50, limit: 25, order: 'oldest', q: 'El Amrani' } }],
  ])('%s', (_name, view, expected) => {
    expect(listRequestOf(view)).toEqual(expected);
  });
});
