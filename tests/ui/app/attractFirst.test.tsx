import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskApp } from '../../../src/app/KioskApp';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { createI18n } from '../../../src/i18n/createI18n';
import { ShubbakDb } from '../../../src/storage/db';
import type { EnrolmentMark } from '../../../src/sync/enrolmentMark';
import { createAttractPort } from '../../../src/ui/session/attractPort';
import { testCatalogue } from '../../machines/sessionFixtures';
import { bootedKiosk, tap } from './bootedKiosk';

// The session machines' chunk arrives when the test opens the gate, as it arrives after the
// attract screen's first paint in the kiosk.
const chunk = vi.hoisted(() => ({ gate: Promise.resolve() }));
vi.mock('../../../src/app/loadSessionKiosk', () => ({
  loadSessionKiosk: async () => {
    await chunk.gate;
    return import('../../../src/app/SessionKiosk');
  },
  loadedSessionKiosk: () => null,
}));

describe('the attract screen drawn before the session machine', () => {
  let db: ShubbakDb;
  let openGate: () => void;

  beforeEach(() => {
    db = new ShubbakDb(`attract-${crypto.randomUUID()}`);
    chunk.gate = new Promise((resolve) => (openGate = resolve));
  });

  afterEach(async () => {
    await Promise.allSettled([import('../../../src/ui/audio/promptPlayer'), import('../../../src/ui/keyboard/OnScreenKeyboard')]);
    db.close();
    await db.delete();
  });

  function renderKioskApp(enrolmentMark: EnrolmentMark | null = null) {
    const settings = { ...DEFAULT_SETTINGS, defaultLocale: 'fr' as const, officeName: 'Annexe Berkane 2' };
    render(<KioskApp boot={{ ...bootedKiosk({ db, i18n: createI18n('fr'), settings }), enrolmentMark }} />);
  }

  it('shows the attract screen, its office and its enrolment mark before the machine arrives', () => {
    renderKioskApp('notEnrolled');
    expect(screen.getByTestId('kiosk').getAttribute('data-screen')).toBe('attract');
    expect(screen.getByTestId('start')).toBeTruthy();
    expect(screen.getByTestId('office-name').textContent).toBe('Annexe Berkane 2');
    expect(screen.getByTestId('enrolment-mark').getAttribute('data-mark')).toBe('notEnrolled');
  });

  it('holds the taps made before the machine arrives, then goes on with them in order', async () => {
    renderKioskApp();
    tap(screen.getByTestId('toggle-contrast'));
    tap(screen.getByTestId('start'));
    // Nothing moves yet: the taps wait for the machine.
    expect(screen.getByTestId('kiosk').getAttribute('data-screen')).toBe('attract');

    await act(async () => openGate());

    expect(await screen.findByTestId('new-request')).toBeTruthy();
    expect(screen.getByTestId('kiosk').getAttribute('data-screen')).toBe('home');
    expect(screen.getByTestId('kiosk').className).toContain('kiosk--contrast');
  });

  it('runs the session as before when the citizen taps after the machine arrived', async () => {
    renderKioskApp();
    await act(async () => openGate());
    tap(screen.getByTestId('start'));
    expect(await screen.findByTestId('new-request')).toBeTruthy();
    expect(screen.getByTestId('kiosk').className).not.toContain('kiosk--contrast');
  });
});

describe('the attract port', () => {
  const input = { catalogue: testCatalogue, settings: { idleTimeoutSeconds: 60, idleCountdownSeconds: 15, defaultLocale: 'ar' as const, enabledLocales: ['ar' as const, 'fr' as const] } };

  it("shows the machine's first state: the attract screen over a fresh context in the default language", () => {
    const view = createAttractPort(input).getView();
    expect(view.screen).toBe('attract');
    expect(view.context.locale).toBe('ar');
    expect(view.context.draft).toBeNull();
    expect(view.overlays).toEqual({ stillThere: false, cancelConfirm: false, help: false });
  });

  it('hands each held tap over once, in order, and asks for the machine at every tap', () => {
    const asked = vi.fn();
    const port = createAttractPort(input, asked);
    port.send({ type: 'locale.change', locale: 'fr' });
    port.send({ type: 'session.start' });
    expect(asked).toHaveBeenCalledTimes(2);
    expect(port.takeHeldEvents()).toEqual([{ type: 'locale.change', locale: 'fr' }, { type: 'session.start' }]);
    expect(port.takeHeldEvents()).toEqual([]);
  });
});
