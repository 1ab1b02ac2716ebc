import { screen } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { currentScreen, renderKiosk, typeInto, walkToReceipt } from './kioskHarness';

/**
 * Between two citizens nothing of the first stays in memory: a session must leave behind no
 * listener, subscription or keyboard it added, or each one would keep its screen (and its
 * answers) reachable for the rest of the day.
 */

/** Listeners registered on i18next and its resource store, per event (i18next keeps them in `observers`). */
function listenerCounts(i18n: I18n): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [owner, emitter] of [['i18n', i18n], ['store', i18n.store]] as const) {
    const observers: unknown = Reflect.get(emitter, 'observers');
    if (typeof observers !== 'object' || observers === null) throw new Error(`${owner} has no observers to count`);
    for (const [event, listeners] of Object.entries(observers)) {
      if (!(listeners instanceof Map)) throw new Error(`${owner}.${event} listeners are not a Map`);
      counts[`${owner}.${event}`] = [...listeners.values()].reduce((sum: number, n: unknown) => sum + Number(n), 0);
    }
  }
  return counts;
}

/** simple-keyboard registers every live instance on `window.SimpleKeyboardInstances` until it is destroyed. */
function liveKeyboards(): string[] {
  const instances: unknown = Reflect.get(window, 'SimpleKeyboardInstances');
  return typeof instances === 'object' && instances !== null ? Object.keys(instances) : [];
}

describe('what a finished session leaves in memory', { timeout: 20_000 }, () => {
  it('leaves the same language listeners as before the session once "finish" brings back the attract screen', async () => {
    const kiosk = renderKiosk();
    const before = listenerCounts(kiosk.i18n);
    expect(before['i18n.languageChanged']).toBeGreaterThan(0);

    await walkToReceipt(kiosk);
    await kiosk.user.click(screen.getByTestId('finish'));

    expect(currentScreen()).toBe('attract');
    expect(listenerCounts(kiosk.i18n)).toEqual(before);
  });

  it('destroys the on-screen keyboard with the form that showed it', async () => {
    const kiosk = renderKiosk();
    await kiosk.user.click(screen.getByTestId('start'));
    await kiosk.user.click(screen.getByTestId('new-request'));
    await kiosk.user.click(screen.getByTestId('service-birth_extract'));
    await kiosk.user.click(screen.getByTestId('next'));
    await typeInto(kiosk, 'identity.cin', 'AB123456');
    await screen.findByTestId('on-screen-keyboard');
    expect(liveKeyboards()).toHaveLength(1);

    await kiosk.user.click(screen.getByTestId('cancel'));
    await kiosk.user.click(await screen.findByTestId('cancel-confirm'));

    expect(currentScreen()).toBe('attract');
    expect(screen.queryByTestId('on-screen-keyboard')).toBeNull();
    expect(liveKeyboards()).toEqual([]);
  });
});
