import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { receiptToPrintSchema } from '../../src/domain/ipcContract';
import { listAudit } from '../../src/storage/audit';
import { loadSettings } from '../../src/storage/settings';
import { SettingsArea } from '../../src/ui/supervisor/SettingsArea';
import { givenPin } from './harness';
import { createWorld, renderIn, typePin } from './render';

function field(name: string): HTMLInputElement {
  const form = screen.getByRole('form', { name: /Kiosk settings|Réglages de la borne/ });
  return within(form).getByRole('textbox', { name }) as HTMLInputElement;
}

async function enrolForm(): Promise<HTMLElement> {
  const form = screen.getByRole('form', { name: 'Enrolment with the back office' });
  // The kiosk's name is filled in from the settings once they are read.
  await waitFor(() => expect((within(form).getByRole('textbox', { name: 'Name of this kiosk' }) as HTMLInputElement).value).not.toBe(''));
  return form;
}

describe('the settings form', () => {
  it('shows each error next to its field, in the supervisor’s language, and saves nothing', async () => {
    const world = createWorld();
    renderIn('fr', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Réglages de la borne' });

    fireEvent.change(field('Nom du bureau'), { target: { value: '' } });
    fireEvent.change(field('Adresse du back-office'), { target: { value: 'ftp://bo.example' } });
    fireEvent.change(field('Jours avant l\'effacement des données personnelles des demandes terminées'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await screen.findByText('Saisissez un nom de 1 à 120 caractères.');
    expect(field('Nom du bureau').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field('Nom du bureau').getAttribute('aria-describedby')!)?.textContent).toBe('Saisissez un nom de 1 à 120 caractères.');
    expect(screen.getByText('Saisissez une adresse commençant par https:// ou http://, ou laissez vide.')).toBeTruthy();
    expect(screen.getByText('Saisissez un nombre entier de 1 à 365.')).toBeTruthy();
    expect(field('Identifiant du bureau').getAttribute('aria-invalid')).toBe('false');
    expect(await listAudit(world.db, { limit: 10 })).toEqual([]);
  });

  it('refuses an office name with a hidden direction mark, in the supervisor language, and stores names cleaned', async () => {
    const world = createWorld();
    renderIn('fr', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Réglages de la borne' });
    fireEvent.change(field('Nom du bureau'), { target: { value: 'Annexe\u202E 3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/^Ce texte contient un caractère invisible ou de contrôle/);
    expect(await listAudit(world.db, { limit: 10 })).toEqual([]);
    const saved = await world.services.settings.save({ ...(await world.services.settings.load()), officeName: '  Annexe\u0301 n° 3  ' });
    expect(saved).toMatchObject({ ok: true, settings: { officeName: 'Annexé n° 3' } });
  });

  it('refuses a plain http:// back office on another machine with a translated reason, and saves nothing', async () => {
    const world = createWorld();
    renderIn('fr', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Réglages de la borne' });
    fireEvent.change(field('Adresse du back-office'), { target: { value: 'http://192.168.1.10:8787' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/Le http:\/\/ simple est refusé vers une autre machine/);
    expect(field('Adresse du back-office').getAttribute('aria-invalid')).toBe('true');
    expect(await listAudit(world.db, { limit: 10 })).toEqual([]);
  });

  it('lets a supervisor choose how long supervisor mode waits before locking itself, from 1 to 30 minutes', async () => {
    const world = createWorld();
    renderIn('en', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Kiosk settings' });
    const autoLock = field('Minutes without a touch before supervisor mode locks itself');
    expect((autoLock as HTMLInputElement).value).toBe('2');
    fireEvent.change(autoLock, { target: { value: '31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a whole number from 1 to 30.')).toBeTruthy();

    fireEvent.change(autoLock, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect((await loadSettings(world.db)).supervisorAutoLockMinutes).toBe(10);
  });

  it('refuses a default language that is not offered', async () => {
    const world = createWorld();
    renderIn('en', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Kiosk settings' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'العربية' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The default language must be one of the languages offered.')).toBeTruthy();
  });

  it('saves valid settings, keeps them, and records which ones changed', async () => {
    const world = createWorld();
    renderIn('en', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Kiosk settings' });
    fireEvent.change(field('Office name'), { target: { value: 'Annexe Hay Riad' } });
    fireEvent.change(field('Seconds without a touch before “Are you still there?”'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(await loadSettings(world.db)).toMatchObject({ officeName: 'Annexe Hay Riad', idleTimeoutSeconds: 90 });
    const [entry] = await listAudit(world.db, { limit: 1 });
    expect(entry).toMatchObject({ action: 'supervisor.settingsChange', detail: 'changed=officeName,idleTimeoutSeconds' });
  });
});

describe('typing on the kiosk’s touch screen', () => {
  it('edits the field last touched with the on-screen keyboard, digits for a number', async () => {
    const world = createWorld();
    const user = userEvent.setup();
    const view = renderIn('en', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Kiosk settings' });
    const retention = field('Days before personal data of finished requests is erased');
    fireEvent.focus(retention);
    const keys = () => [...view.container.querySelectorAll<HTMLElement>('[data-skbtn]')];
    expect(keys().map((key) => key.dataset['skbtn'])).toContain('7');
    expect(keys().map((key) => key.dataset['skbtn'])).not.toContain('a');

    await user.click(keys().find((key) => key.dataset['skbtn'] === '{bksp}')!);
    await user.click(keys().find((key) => key.dataset['skbtn'] === '{bksp}')!);
    await user.click(keys().find((key) => key.dataset['skbtn'] === '9')!);
    expect(retention.value).toBe('9');
  });
});

describe('the printer test', () => {
  it('prints on the printer the settings name', async () => {
    const world = createWorld();
    await world.services.settings.save({ ...(await world.services.settings.load()), printerName: 'EPSON_TM_T20III' });
    renderIn('en', <SettingsArea services={world.services} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Print a test receipt' }));
    await screen.findByText('The test receipt was printed.');
    expect(world.platform.printed[0]?.printerName).toBe('EPSON_TM_T20III');
    expect(receiptToPrintSchema.safeParse(world.platform.printed[0]).success).toBe(true);
  });

  it.each([
    [{ ok: true } as const, 'The test receipt was printed.', 'ok'],
    [{ ok: false, reason: 'noPrinter' } as const, 'No printer found. Check the printer name and the cable.', 'failed=noPrinter'],
  ])('prints a test receipt and says so (%j)', async (result, message, detail) => {
    const world = createWorld();
    world.platform.printResult = result;
    renderIn('en', <SettingsArea services={world.services} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Print a test receipt' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(world.platform.printed[0]).toMatchObject({ trackingCode: 'TEST', serviceName: 'Printer test', locale: 'en', direction: 'ltr' });
    expect((await listAudit(world.db, { limit: 1 }))[0]).toMatchObject({ action: 'supervisor.printerTest', detail });
  });
});

describe('enrolment', () => {
  it('enrols with the back-office address and the one-time code, and shows the office', async () => {
    const world = createWorld();
    renderIn('en', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Enrolment with the back office' });
    const form = await enrolForm();
    expect(within(form).getByText('This kiosk is not enrolled yet: requests are kept on the kiosk.')).toBeTruthy();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Back-office address' }), { target: { value: 'https://bo.example' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'One-time enrolment code' }), { target: { value: 'abcd-1234' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enrol' }));

    expect(await within(form).findByText('Enrolled for the office “Annexe Agdal”.')).toBeTruthy();
    expect(world.sync.enrolments).toEqual([{ url: 'https://bo.example', code: 'abcd-1234', label: 'Annexe administrative' }]);
    world.sync.publish({ enrolled: true });
    expect(await within(form).findByText('This kiosk is enrolled.')).toBeTruthy();
  });

  it('explains a refused code', async () => {
    const world = createWorld();
    world.sync.enrolOutcome = { ok: false, reason: 'codeRejected', message: '403' };
    renderIn('en', <SettingsArea services={world.services} />);
    await screen.findByRole('heading', { name: 'Enrolment with the back office' });
    const form = await enrolForm();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Back-office address' }), { target: { value: 'https://bo.example' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'One-time enrolment code' }), { target: { value: 'ABCD-1234' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enrol' }));
    expect(await within(form).findByText('Enrolment failed: the code is unknown, already used or expired')).toBeTruthy();
  });
});

describe('changing the PIN', () => {
  it('asks for the current PIN, then the new one twice', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, '482915');
    renderIn('en', <SettingsArea services={world.services} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change the PIN' }));
    typePin('482915', 'Next');
    typePin('739104', 'Next');
    typePin('739104', 'Save the new PIN');
    expect(await screen.findByText('The PIN was changed.')).toBeTruthy();
    expect((await world.services.lock.checkPin('739104')).kind).toBe('ok');
  });

  it('refuses with a wrong current PIN', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, '482915');
    renderIn('en', <SettingsArea services={world.services} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change the PIN' }));
    typePin('111390', 'Next');
    typePin('739104', 'Next');
    typePin('739104', 'Save the new PIN');
    expect(await screen.findByText('The current PIN is wrong.')).toBeTruthy();
    await waitFor(async () => expect((await listAudit(world.db, { limit: 1 }))[0]?.detail).toBe('refused=wrongPin'));
  });
});
