import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConsoleApiError } from '../../backoffice/console/src/api/consoleApi';
import { readBodyForm } from '../../backoffice/console/src/app/bodyForm';
import type { DirectoryBody, ForwardView } from '../../src/domain/routing';
import { detail, fakeConsoleApi, ME } from './fakeConsoleApi';
import { renderConsole } from './render';

const admin = { ...ME, offices: [{ ...ME.offices[0]!, role: 'admin' as const }] };

const body = (overrides: Partial<DirectoryBody> = {}): DirectoryBody => ({
  id: '0193a6f0-0000-7000-8000-00000000b001',
  officeId: 'berkane-1',
  kind: 'commune-of-birth',
  nameAr: 'جماعة فاس',
  nameFr: 'Commune de Fès',
  communes: ['Fès'],
  email: 'etat-civil@fes.example',
  endpoint: null,
  createdAt: '2026-11-01T08:00:00.000Z',
  removedAt: null,
  ...overrides,
});

const forward = (overrides: Partial<ForwardView> = {}): ForwardView => ({
  id: '0193a6f0-0000-7000-8000-00000000f001',
  requestId: '0193a6f0-0000-7000-8000-000000000001',
  trackingCode: 'BRK-7K3Q-XM',
  body: { id: body().id, nameAr: 'جماعة فاس', nameFr: 'Commune de Fès' },
  standing: 'sent',
  forwardedAt: '2026-12-01T09:40:00.000Z',
  sentAt: '2026-12-01T09:41:00.000Z',
  dueAt: '2026-12-06T09:40:00.000Z',
  answeredAt: null,
  answer: null,
  hasDocument: false,
  ...overrides,
});

const typeInto = async (testId: string, text: string) => {
  const field = screen.getByTestId(testId);
  await userEvent.clear(field);
  await userEvent.type(field, text);
};

describe('the directory page', () => {
  it('is an admin’s: an agent sees no entry in the navigation, and the address shows the requests instead', async () => {
    const api = fakeConsoleApi();
    renderConsole(api, { hash: '#/directory' });
    await screen.findByTestId('nav-queues');
    expect(screen.queryByTestId('nav-directory')).toBeNull();
    expect(screen.getByTestId('nav-forwarded')).toBeTruthy();
    expect(screen.queryByTestId('page-directory')).toBeNull();
    expect(api.directory).not.toHaveBeenCalled();
  });

  it('lists each body with its names, kind, communes and how it is reached', async () => {
    const api = fakeConsoleApi({
      me: vi.fn(async () => admin),
      directory: vi.fn(async () => [body(), body({ id: 'b2', kind: 'municipal-archives', nameAr: 'الأرشيف', nameFr: 'Archives', communes: [], email: null, endpoint: 'https://archives.example/api' })]),
    });
    renderConsole(api, { hash: '#/directory' });
    const first = await screen.findByTestId(`body-row-${body().id}`);
    expect(first.textContent).toContain('جماعة فاس');
    expect(first.textContent).toContain('Commune de Fès');
    expect(first.textContent).toContain('Commune of birth');
    expect(first.textContent).toContain('Fès');
    expect(first.textContent).toContain('etat-civil@fes.example');
    const second = screen.getByTestId('body-row-b2');
    expect(second.textContent).toContain('municipal-archives');
    expect(second.textContent).toContain('Every commune');
    expect(second.textContent).toContain('https://archives.example/api');
    expect(screen.getByTestId('nav-directory').getAttribute('aria-current')).toBe('page');
  });

  it('shows each refused field next to it, translated, and sends nothing', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => admin) });
    renderConsole(api, { hash: '#/directory' });
    await screen.findByTestId('directory-none');
    await typeInto('body-kind', 'Commune Of Birth');
    await typeInto('body-nameFr', 'Commune de Fès');
    await typeInto('body-endpoint', 'http://fes.example/api');
    await userEvent.click(screen.getByTestId('body-add-submit'));
    expect(screen.getByTestId('body-kind-problem').textContent).toContain('lower-case words joined by hyphens');
    expect(screen.getByTestId('body-nameAr-problem').textContent).toBe('This text is empty.');
    expect(screen.getByTestId('body-endpoint-problem').textContent).toContain('https://');
    expect(screen.queryByTestId('body-nameFr-problem')).toBeNull();
    expect(screen.getByTestId('body-problems').textContent).toBe('3 fields need correcting.');
    expect(screen.getByTestId('body-kind').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('body-kind').getAttribute('aria-describedby')).toBe('body-kind-hint body-kind-problem');
    expect(document.activeElement).toBe(screen.getByTestId('body-kind'));
    expect(api.addBody).not.toHaveBeenCalled();
  });

  it('asks for an e-mail address or an endpoint', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => admin) });
    renderConsole(api, { hash: '#/directory' });
    await screen.findByTestId('directory-none');
    await typeInto('body-kind', 'commune-of-birth');
    await typeInto('body-nameAr', 'جماعة فاس');
    await typeInto('body-nameFr', 'Commune de Fès');
    await userEvent.click(screen.getByTestId('body-add-submit'));
    expect(screen.getByTestId('body-email-problem').textContent).toBe('Give an e-mail address or an endpoint.');
    expect(api.addBody).not.toHaveBeenCalled();
  });

  it('adds a body with one commune a line, then shows the directory again', async () => {
    const added = body({ communes: ['Fès', 'Sefrou'] });
    const directory = vi.fn(async (): Promise<DirectoryBody[]> => []);
    const api = fakeConsoleApi({ me: vi.fn(async () => admin), directory, addBody: vi.fn(async () => added) });
    renderConsole(api, { hash: '#/directory' });
    await screen.findByTestId('directory-none');
    directory.mockResolvedValue([added]);
    await typeInto('body-kind', 'commune-of-birth');
    await typeInto('body-nameAr', 'جماعة فاس');
    await typeInto('body-nameFr', 'Commune de Fès');
    await typeInto('body-communes', 'Fès{Enter}{Enter}  Sefrou  ');
    await typeInto('body-email', 'etat-civil@fes.example');
    await userEvent.click(screen.getByTestId('body-add-submit'));
    expect(api.addBody).toHaveBeenCalledWith('berkane-1', { kind: 'commune-of-birth', nameAr: 'جماعة فاس', nameFr: 'Commune de Fès', communes: ['Fès', 'Sefrou'], email: 'etat-civil@fes.example' });
    expect((await screen.findByTestId('directory-notice')).textContent).toBe('Commune de Fès was added to the directory.');
    expect((await screen.findByTestId(`body-row-${added.id}`)).textContent).toContain('Fès · Sefrou');
    expect((screen.getByTestId('body-nameFr') as HTMLInputElement).value).toBe('');
  });

  it('shows the back office’s refusal of an endpoint next to the field', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => admin), addBody: vi.fn(async () => Promise.reject(new ConsoleApiError(400, 'invalid_endpoint', 'no'))) });
    renderConsole(api, { hash: '#/directory' });
    await screen.findByTestId('directory-none');
    await typeInto('body-kind', 'commune-of-birth');
    await typeInto('body-nameAr', 'جماعة فاس');
    await typeInto('body-nameFr', 'Commune de Fès');
    await typeInto('body-endpoint', 'https://fes.example/api');
    await userEvent.click(screen.getByTestId('body-add-submit'));
    expect((await screen.findByTestId('body-endpoint-problem')).textContent).toContain('https://');
  });

  it('removes a body only after confirming', async () => {
    const api = fakeConsoleApi({ me: vi.fn(async () => admin), directory: vi.fn(async () => [body()]), removeBody: vi.fn(async () => []) });
    renderConsole(api, { hash: '#/directory' });
    await userEvent.click(await screen.findByTestId(`body-remove-${body().id}`));
    expect(api.removeBody).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId(`body-remove-confirm-${body().id}`));
    expect(api.removeBody).toHaveBeenCalledWith('berkane-1', body().id);
    expect((await screen.findByTestId('directory-notice')).textContent).toBe('Commune de Fès was removed: no new request goes to it.');
    expect(await screen.findByTestId('directory-none')).toBeTruthy();
  });

  it('reads right to left in Arabic, the form’s errors in Arabic', async () => {
    renderConsole(fakeConsoleApi({ me: vi.fn(async () => admin), directory: vi.fn(async () => [body()]) }), { hash: '#/directory', locale: 'ar' });
    expect((await screen.findByTestId(`body-row-${body().id}`)).textContent).toContain('جماعة الازدياد');
    expect(document.documentElement.dir).toBe('rtl');
    expect(screen.getByTestId('body-email').getAttribute('dir')).toBe('ltr');
    await userEvent.click(screen.getByTestId('body-add-submit'));
    expect(screen.getByTestId('body-email-problem').textContent).toBe('المرجو إدخال بريد إلكتروني أو عنوان HTTPS.');
  });
});

describe('the new body form’s rules', () => {
  const text = { kind: 'commune-of-birth', nameAr: 'جماعة فاس', nameFr: 'Commune de Fès', communes: '', email: '', endpoint: 'http://127.0.0.1:8080/in' };
  it('takes a plain http endpoint on this machine only, and no credentials in it', () => {
    expect(readBodyForm(text).ok).toBe(true);
    expect(readBodyForm({ ...text, endpoint: 'https://user:pw@fes.example/in' }).ok).toBe(false);
    expect(readBodyForm({ ...text, kind: 'annex' }).ok).toBe(false);
  });
  it('refuses a commune without a letter or an invisible character, naming it', () => {
    const read = readBodyForm({ ...text, communes: 'Fès\n1234' });
    expect(read.ok ? null : read.problems.communes).toEqual({ key: 'directory.problems.commune', values: { commune: '1234', max: 80 } });
    expect(readBodyForm({ ...text, communes: 'F\u202Eès' }).ok).toBe(false);
  });
});

describe('the forwarded queue', () => {
  it('lists the forwards waiting for an answer, each with its standing and a link to its request', async () => {
    const api = fakeConsoleApi({
      forwards: vi.fn(async () => [
        forward({ standing: 'overdue', dueAt: '2026-11-20T09:40:00.000Z' }),
        forward({ id: 'f2', requestId: 'r2', trackingCode: 'BRK-AAAA-BB', standing: 'queued', sentAt: null, dueAt: null }),
      ]),
    });
    renderConsole(api, { hash: '#/forwarded' });
    const first = await screen.findByTestId(`forwarded-${forward().id}`);
    expect(within(first).getByTestId('forward-standing').textContent).toBe('Overdue');
    expect(within(first).getByRole('link').getAttribute('href')).toBe(`#/requests/${forward().requestId}`);
    expect(first.textContent).toContain('Commune de Fès');
    const second = screen.getByTestId('forwarded-f2');
    expect(within(second).getByTestId('forward-standing').textContent).toBe('Waiting to be sent');
    expect(second.textContent).toContain('Not yet');
    expect(second.textContent).toContain('No delay announced');
    expect(screen.getByTestId('forwarded-summary').textContent).toBe('2 requests waiting for an answer, 1 overdue.');
    expect(api.forwards).toHaveBeenCalledWith('berkane-1');
    expect(screen.getByTestId('nav-forwarded').getAttribute('aria-current')).toBe('page');
  });

  it('says when nothing waits, in French', async () => {
    renderConsole(fakeConsoleApi(), { hash: '#/forwarded', locale: 'fr' });
    expect((await screen.findByTestId('forwarded-none')).textContent).toBe('Aucune demande transmise n’attend de réponse.');
  });

  it('shows the Arabic names in Arabic', async () => {
    renderConsole(fakeConsoleApi({ forwards: vi.fn(async () => [forward()]) }), { hash: '#/forwarded', locale: 'ar' });
    const row = await screen.findByTestId(`forwarded-${forward().id}`);
    expect(row.textContent).toContain('جماعة فاس');
    expect(within(row).getByTestId('forward-standing').textContent).toBe('أُرسل، في انتظار الجواب');
  });
});

describe('a request’s forwards', () => {
  it('shows none for a request done at the annex', async () => {
    const api = fakeConsoleApi();
    renderConsole(api, { hash: `#/requests/${detail().id}` });
    await screen.findByTestId('page-request');
    await waitFor(() => expect(api.requestForwards).toHaveBeenCalledWith('berkane-1', detail().id));
    expect(screen.queryByTestId('request-forwards')).toBeNull();
  });

  it('shows where each forward stands, the answer and the returned document', async () => {
    const api = fakeConsoleApi({
      request: vi.fn(async () => detail({ status: 'ready' })),
      requestForwards: vi.fn(async () => [forward({ standing: 'answered', answeredAt: '2026-12-02T10:00:00.000Z', answer: 'done', hasDocument: true })]),
    });
    renderConsole(api, { hash: `#/requests/${detail().id}` });
    const panel = await screen.findByTestId('request-forwards');
    expect(within(panel).getByTestId('forward-standing').textContent).toBe('Answered');
    expect(within(panel).getByTestId('forward-answer').textContent).toMatch(/^Done on /);
    const link = within(panel).getByTestId('forward-document');
    expect(link.getAttribute('href')).toBe(`/documents/${detail().id}/${forward().id}`);
    expect(link.textContent).toBe('Download the document returned by Commune de Fès');
    expect(panel.textContent).toContain('Commune de Fès');
  });

  it('reloads them when the request changes', async () => {
    const requestForwards = vi.fn(async (): Promise<ForwardView[]> => [forward({ standing: 'queued', sentAt: null })]);
    const api = fakeConsoleApi({
      request: vi.fn(async () => detail({ status: 'inReview', allowedActions: ['markReady'] })),
      command: vi.fn(async () => detail({ status: 'ready', version: 2, allowedActions: [] })),
      requestForwards,
    });
    renderConsole(api, { hash: `#/requests/${detail().id}` });
    expect(within(await screen.findByTestId('request-forwards')).getByTestId('forward-standing').textContent).toBe('Waiting to be sent');
    requestForwards.mockResolvedValue([forward({ standing: 'answered', answeredAt: '2026-12-02T10:00:00.000Z', answer: 'refused' })]);
    await userEvent.click(await screen.findByTestId('action-markReady'));
    await waitFor(() => expect(within(screen.getByTestId('request-forwards')).getByTestId('forward-standing').textContent).toBe('Answered'));
    expect(screen.getByTestId('forward-answer').textContent).toMatch(/^Refused on /);
  });
});
