import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalogue } from '../../src/domain/catalogue';
import { testCatalogue } from '../machines/sessionFixtures';
import { currentScreen, renderKiosk } from './kioskHarness';

/** A stored catalogue damaged past its schema: the service screen cannot draw its documents. */
const damaged = {
  ...testCatalogue,
  services: testCatalogue.services.map((service) => (service.id === 'life' ? { ...service, documents: null } : service)),
} as unknown as Catalogue;

describe('a screen that fails', () => {
  beforeEach(() => {
    // React reports the caught error on the console; the test asserts what the citizen sees instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows a message, keeps help within reach, and starts again from the attract screen', async () => {
    const kiosk = renderKiosk({ catalogue: damaged, settings: { defaultLocale: 'en' } });
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('new-request'));
    await kiosk.user.click(screen.getByTestId('service-life'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Something went wrong on this screen');
    expect(screen.getByRole('button', { name: 'Call a staff member' })).toBeTruthy();
    await kiosk.user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(currentScreen()).toBe('attract');
    expect(screen.getByTestId('screen-attract')).toBeTruthy();
  });
});
