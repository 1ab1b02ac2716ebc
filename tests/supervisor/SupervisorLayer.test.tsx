import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../src/storage/audit';
import { saveSettings } from '../../src/storage/settings';
import { givenPin } from './harness';
import { createWorld, openSupervisor, press, renderKiosk, typePin } from './render';

const PIN = '482915';

async function submitPin(pin: string) {
  typePin(pin, 'Unlock');
  await waitFor(() => expect(screen.queryByText('Checking…')).toBeNull());
}

async function auditActions(world: ReturnType<typeof createWorld>) {
  return (await listAudit(world.db, { limit: 100 })).map((entry) => entry.action).reverse();
}

describe('the hidden gesture', () => {
  it('opens supervisor mode after a 3-second press on the office logo, resetting the citizen session first', async () => {
    const world = createWorld();
    const { onOpen } = await renderKiosk(world);
    const logo = screen.getByAltText('Office logo');

    press(logo, 2_999);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onOpen).not.toHaveBeenCalled();

    press(logo, 3_000);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('dialog', { name: 'Supervisor mode' })).toBeTruthy();
  });

  it.each([
    ['released early', (logo: Element) => press(logo, 1_500)],
    [
      'moved away',
      (logo: Element) => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        fireEvent.pointerDown(logo, { pointerId: 1, clientX: 10, clientY: 10 });
        fireEvent.pointerMove(logo, { pointerId: 1, clientX: 120, clientY: 10 });
        act(() => vi.advanceTimersByTime(5_000));
        vi.useRealTimers();
      },
    ],
    ['held somewhere else', () => press(screen.getByRole('button', { name: 'Start a request' }), 5_000)],
  ])('does nothing when the press is %s', async (_label, gesture) => {
    const world = createWorld();
    const { onOpen } = await renderKiosk(world);
    gesture(screen.getByAltText('Office logo'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('shows a modal dialog above an inert app, and closes back to the app', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, PIN);
    await renderKiosk(world);
    openSupervisor();
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(screen.getByText('Start a request', { selector: 'button' }).closest('[inert]')).not.toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start a request' }).closest('[inert]')).toBeNull();
  });
});

describe('the dialog', () => {
  it('keeps the keyboard focus inside while it is open', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, PIN);
    await renderKiosk(world);
    openSupervisor();
    const buttons = within(screen.getByRole('dialog')).getAllByRole('button').filter((button) => !(button as HTMLButtonElement).disabled);
    const first = buttons[0]!;
    const last = buttons.at(-1)!;

    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });
});

/** The labels of the enrolment form in one language. */
const ENROL_FORM = {
  en: { url: 'Back-office address', code: 'One-time enrolment code', label: 'Name of this kiosk', submit: 'Enrol' },
  fr: { url: 'Adresse du back-office', code: "Code d'inscription à usage unique", label: 'Nom de cette borne', submit: 'Inscrire' },
} as const;

/** Fills and sends the first run's enrolment form; the URL only when the field can be typed in. */
function enrolAtFirstRun(labels: (typeof ENROL_FORM)[keyof typeof ENROL_FORM], code = 'ABCD-1234') {
  const url = screen.getByLabelText(labels.url) as HTMLInputElement;
  if (!url.readOnly) fireEvent.change(url, { target: { value: 'https://backoffice.example' } });
  fireEvent.change(screen.getByLabelText(labels.code), { target: { value: code } });
  fireEvent.change(screen.getByLabelText(labels.label), { target: { value: 'Borne 1' } });
  fireEvent.click(screen.getByRole('button', { name: labels.submit }));
}

describe('the first run', () => {
  it('asks for an enrolment code first, refuses a trivial PIN with a translated message, then sets the PIN and opens the dashboard', async () => {
    const world = createWorld();
    await renderKiosk(world, 'fr');
    openSupervisor();
    expect(screen.getByText(/Avant de choisir le code superviseur, inscrivez cette borne/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Suivant' })).toBeNull();

    enrolAtFirstRun(ENROL_FORM.fr);
    await screen.findByRole('button', { name: 'Suivant' });
    expect(world.sync.enrolments).toEqual([{ url: 'https://backoffice.example', code: 'ABCD-1234', label: 'Borne 1' }]);

    typePin('123456', 'Suivant');
    expect(screen.getByRole('alert').textContent).toContain('trop facile à deviner');

    typePin(PIN, 'Suivant');
    typePin(PIN, 'Enregistrer');
    expect(await screen.findByRole('heading', { name: 'Synchronisation' })).toBeTruthy();
    expect(world.platform.secrets.get('pinHash')).toMatch(/^pbkdf2-sha256\$/);
    expect(await auditActions(world)).toEqual(['supervisor.enrol', 'supervisor.pinSet', 'supervisor.unlock']);
  });

  it('puts the enrolment form’s keyboard away when the form is sent, so no key of it is left where the PIN pad’s digits appear', async () => {
    const world = createWorld();
    await renderKiosk(world);
    openSupervisor();
    fireEvent.focus(screen.getByLabelText(ENROL_FORM.en.label));
    // Its first row has the digits, named as the PIN pad's are.
    expect(within(screen.getByTestId('on-screen-keyboard')).getAllByRole('button', { name: '4' })).toHaveLength(1);
    enrolAtFirstRun(ENROL_FORM.en);
    expect(screen.queryByTestId('on-screen-keyboard')).toBeNull();
    await screen.findByRole('button', { name: 'Next' });
    expect(screen.getAllByRole('button', { name: '4' })).toHaveLength(1);
  });

  it('gives no PIN pad for a code the back office refuses', async () => {
    const world = createWorld();
    world.sync.enrolOutcome = { ok: false, reason: 'codeRejected', message: '410' };
    await renderKiosk(world);
    openSupervisor();
    enrolAtFirstRun(ENROL_FORM.en, 'ZZZZ-0000');
    expect((await screen.findByRole('alert')).textContent).toContain('the code is unknown, already used or expired');
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    expect(world.platform.secrets.has('pinHash')).toBe(false);
  });

  it('enrols only with the back office configured for this kiosk, whose address cannot be changed there', async () => {
    const world = createWorld();
    await saveSettings(world.db, { backofficeUrl: 'https://annexe.example' });
    await renderKiosk(world);
    openSupervisor();
    const url = (await screen.findByDisplayValue('https://annexe.example')) as HTMLInputElement;
    expect(url.readOnly).toBe(true);
    enrolAtFirstRun(ENROL_FORM.en);
    await screen.findByRole('button', { name: 'Next' });
    expect(world.sync.enrolments.map((enrolment) => enrolment.url)).toEqual(['https://annexe.example']);
  });

  it('says clearly when the secret store refuses, and stores the PIN nowhere', async () => {
    const world = createWorld();
    world.platform.secretStoreAvailable = false;
    await renderKiosk(world);
    openSupervisor();
    enrolAtFirstRun(ENROL_FORM.en);
    await screen.findByRole('button', { name: 'Next' });
    typePin(PIN, 'Next');
    typePin(PIN, 'Save');
    expect((await screen.findByRole('alert')).textContent).toContain('cannot store secrets safely');
    expect(world.platform.secrets.size).toBe(0);
    expect(JSON.stringify(await world.db.meta.toArray())).not.toContain(PIN);
  });
});

describe('unlocking with the PIN pad', () => {
  it('unlocks with the right PIN and records it', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, PIN);
    await renderKiosk(world);
    openSupervisor();
    typePin(PIN, 'Unlock');
    expect(await screen.findByRole('heading', { name: 'Synchronisation' })).toBeTruthy();
    expect(await auditActions(world)).toEqual(['supervisor.unlock']);
  });

  it('refuses a wrong PIN, then locks the pad out after the third one', async () => {
    const world = createWorld({ now: () => Date.parse('2026-11-28T09:00:00Z') });
    await givenPin(world.platform, world.db, PIN);
    await renderKiosk(world);
    openSupervisor();

    await submitPin('111390');
    expect(screen.getByRole('alert').textContent).toBe('Wrong PIN.');
    await submitPin('111390');
    await submitPin('111390');
    expect(await screen.findByRole('heading', { name: 'Too many wrong PINs' })).toBeTruthy();
    expect(screen.getByText(/3 wrong PINs in a row/).textContent).toContain('Try again in 30 sec');
    expect(screen.queryByRole('button', { name: '1' })).toBeNull();
    expect(await auditActions(world)).toEqual(['supervisor.pinFailed', 'supervisor.pinFailed', 'supervisor.pinFailed', 'supervisor.lockout']);
  });

  it('says the key store is locked, and offers no first-run PIN pad, when a PIN exists that cannot be read now', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, PIN);
    world.platform.secretStoreLocked = true;
    await renderKiosk(world);
    openSupervisor();
    expect(await screen.findByRole('heading', { name: "The kiosk's key store is locked" })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '1' })).toBeNull();
    expect(screen.queryByText(/enrol/i)).toBeNull();
  });

  it('switches its own language without changing the citizen screens’ language', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, PIN);
    const { i18n } = await renderKiosk(world, 'ar');
    openSupervisor();
    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    const dialog = screen.getByRole('dialog', { name: 'Mode superviseur' });
    expect(dialog.getAttribute('dir')).toBe('ltr');
    expect(within(dialog).getByText('Saisissez le code superviseur')).toBeTruthy();
    expect(i18n.language).toBe('ar');
  });

  it('reads right to left in Arabic', async () => {
    const world = createWorld();
    await givenPin(world.platform, world.db, PIN);
    await renderKiosk(world, 'ar');
    openSupervisor();
    const dialog = screen.getByRole('dialog', { name: 'وضع المشرف' });
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.getAttribute('lang')).toBe('ar');
  });
});
