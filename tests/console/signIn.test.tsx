import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConsoleApiError } from '../../backoffice/console/src/api/consoleApi';
import { fakeConsoleApi, ME } from './fakeConsoleApi';
import { renderConsole } from './render';

describe('signing in to the console', () => {
  it('shows the sign-in page when there is no session, and the queues once signed in', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => null) });
    renderConsole(api);
    await userEvent.type(await screen.findByLabelText('Login'), 'Amina');
    await userEvent.type(screen.getByLabelText('Password'), 'a long secret phrase{Enter}');
    expect(api.login).toHaveBeenCalledWith({ login: 'amina', password: 'a long secret phrase' });
    expect(await screen.findByTestId('page-queues')).toBeTruthy();
    expect(screen.getByTestId('signed-in-as').textContent).toContain('Amina Berrada');
  });

  it('says the login or password is wrong without saying which', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => null), login: vi.fn(async () => Promise.reject(new ConsoleApiError(401, 'invalid_credentials', 'no'))) });
    renderConsole(api);
    await userEvent.type(await screen.findByLabelText('Login'), 'amina');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong login or password.');
  });

  it('says how long a locked account waits, from Retry-After', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => null), login: vi.fn(async () => Promise.reject(new ConsoleApiError(429, 'locked_out', 'no', 600))) });
    renderConsole(api);
    await userEvent.type(await screen.findByLabelText('Login'), 'amina');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many failed attempts. Try again in 10 minutes.');
  });

  it('activates an account: the one-time code and a password typed twice', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => null) });
    renderConsole(api);
    await userEvent.click(await screen.findByTestId('switch-mode'));
    await userEvent.type(screen.getByLabelText('One-time code'), 'abcd-efgh-jkmn');
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.type(screen.getByLabelText('Type the new password again'), 'short{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('The password needs at least 10 characters.');
    expect(api.activate).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.clear(screen.getByLabelText('Type the new password again'));
    await userEvent.type(screen.getByLabelText('New password'), 'olive trees in spring');
    await userEvent.type(screen.getByLabelText('Type the new password again'), 'olive trees in spring{Enter}');
    expect(api.activate).toHaveBeenCalledWith({ code: 'ABCD-EFGH-JKMN', password: 'olive trees in spring' });
    expect(await screen.findByTestId('page-queues')).toBeTruthy();
  });

  it('is right to left in Arabic, and switches language from the header', async () => {
    renderConsole(fakeConsoleApi(), { locale: 'ar' });
    await screen.findByTestId('page-queues');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    await userEvent.selectOptions(screen.getByTestId('language'), 'fr');
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(screen.getByTestId('nav-queues').textContent).toBe('Demandes');
  });

  it('offers an office switcher to someone with roles in several offices, and asks the new office', async () => {
    const me = { ...ME, offices: [...ME.offices, { officeId: 'berkane-2', officeName: 'Annexe Berkane 2', role: 'chief' as const }] };
    const api = fakeConsoleApi({ me: vi.fn(async () => me) });
    renderConsole(api);
    await screen.findByTestId('page-queues');
    await userEvent.selectOptions(screen.getByTestId('office-switcher'), 'berkane-2');
    await waitFor(() => expect(api.queue).toHaveBeenLastCalledWith('berkane-2', 'new', expect.anything()));
    expect(screen.getByTestId('signed-in-as').textContent).toContain('Head of annex');
  });
});

describe('when the session ends by itself', () => {
  it('goes back to the sign-in page and says why', async () => {
    const api = fakeConsoleApi();
    renderConsole(api);
    await screen.findByTestId('page-queues');
    act(() => api.endSession());
    expect((await screen.findByTestId('session-ended')).textContent).toContain('Your session has ended');
    expect(screen.getByTestId('page-sign-in')).toBeTruthy();
  });
});
