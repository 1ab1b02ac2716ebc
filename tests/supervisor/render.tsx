import { act, configure, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { Locale } from '../../src/domain/locales';
import { createI18n } from '../../src/i18n/createI18n';
import type { ShubbakDb } from '../../src/storage/db';
import { createSupervisorServices } from '../../src/supervisor/services';
import type { SupervisorServices } from '../../src/supervisor/types';
import { SupervisorLayer } from '../../src/ui/supervisor/SupervisorLayer';
import { FakePlatform, FakeSync } from './fakes';
import { freshDb } from './harness';

// PBKDF2 at 310,000 iterations runs for real in these tests: on a busy two-core machine a PIN
// check can outlast Testing Library's 1 s default. The wait is a safety net, never an assertion.
configure({ asyncUtilTimeout: 10_000 });

export interface World {
  db: ShubbakDb;
  platform: FakePlatform;
  sync: FakeSync;
  services: SupervisorServices;
}

export function createWorld(options: { now?: () => number } = {}): World {
  const db = freshDb();
  // The host counts failures on the world's clock, as the services measure them.
  const platform = new FakePlatform(options.now);
  const sync = new FakeSync();
  return { db, platform, sync, services: createSupervisorServices({ db, platform, sync, estimateStorage: async () => null, ...options }) };
}

export function renderIn(locale: Locale, ui: ReactElement) {
  const i18n = createI18n(locale);
  return { ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>), i18n };
}

/** The kiosk as the flow engineer mounts it: the citizen screens inside the supervisor layer. */
export async function renderKiosk(world: World, locale: Locale = 'en') {
  const onOpen = vi.fn();
  const view = renderIn(
    locale,
    <SupervisorLayer services={world.services} onOpen={onOpen}>
      <header>
        <img data-supervisor-gesture src="data:," alt="Office logo" />
      </header>
      <main>
        <button type="button">Start a request</button>
      </main>
    </SupervisorLayer>,
  );
  // The machine reads the lock state first; a read queued after it resolves after it.
  await act(async () => {
    await world.services.lock.loadLockState();
  });
  return { ...view, onOpen };
}

/** Holds a press on `target` for `ms` of simulated time, then lets go (or not). */
export function press(target: Element, ms: number, options: { release?: boolean } = {}) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    fireEvent.pointerDown(target, { pointerId: 1, clientX: 10, clientY: 10 });
    act(() => vi.advanceTimersByTime(ms));
    if (options.release !== false) fireEvent.pointerUp(target, { pointerId: 1 });
  } finally {
    vi.useRealTimers();
  }
}

export function openSupervisor() {
  press(screen.getByAltText('Office logo'), 3_000);
}

export function typePin(pin: string, submit: string) {
  for (const digit of pin) fireEvent.click(screen.getByRole('button', { name: digit }));
  fireEvent.click(screen.getByRole('button', { name: submit }));
}
