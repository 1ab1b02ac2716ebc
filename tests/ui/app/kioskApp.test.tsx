import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskApp } from '../../../src/app/KioskApp';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { createI18n } from '../../../src/i18n/createI18n';
import { ShubbakDb } from '../../../src/storage/db';
import { SUPERVISOR_GESTURE_MS } from '../../../src/ui/supervisor/useSupervisorGesture';
import { bootedKiosk, tap } from './bootedKiosk';

describe('the composition root', () => {
  let db: ShubbakDb;

  beforeEach(() => {
    db = new ShubbakDb(`app-${crypto.randomUUID()}`);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });

  afterEach(async () => {
    vi.useRealTimers();
    // The app starts loading spoken guidance and the on-screen keyboard on demand; let those loads
    // end before the environment is torn down, or a slow run reports them as unhandled errors.
    await Promise.allSettled([import('../../../src/ui/audio/promptPlayer'), import('../../../src/ui/keyboard/OnScreenKeyboard')]);
    db.close();
    await db.delete();
  });

  it('wipes the citizen session before supervisor mode opens, so staff never see it', () => {
    const settings = { ...DEFAULT_SETTINGS, defaultLocale: 'en' as const, officeName: 'Annexe Berkane 2' };
    const boot = bootedKiosk({ db, i18n: createI18n('en'), settings });
    render(<KioskApp boot={boot} />);
    for (const testId of ['start', 'new-request', 'service-life', 'next']) tap(screen.getByTestId(testId));
    fireEvent.change(screen.getByTestId('field-identity-cin'), { target: { value: 'AB123456' } });
    expect((screen.getByTestId('field-identity-cin') as HTMLInputElement).value).toBe('AB123456');

    fireEvent.pointerDown(screen.getByTestId('office-logo'), { pointerId: 1 });
    act(() => {
      vi.advanceTimersByTime(SUPERVISOR_GESTURE_MS);
    });

    expect(screen.getByTestId('kiosk').getAttribute('data-screen')).toBe('attract');
    expect(document.querySelector('[data-testid="field-identity-cin"]')).toBeNull();
    expect([...document.querySelectorAll('input')].map((input) => input.value)).not.toContain('AB123456');
  });
});
