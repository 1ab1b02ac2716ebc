import type { Page } from 'playwright-core';
import { byTestId, shows, tap } from './citizenSteps';

/**
 * Steps of an office agent in the console, by test id, typing as a keyboard would. Each
 * account is made by the CLI (`add-staff`) and activated here with its one-time code.
 */

export const DEMO_PASSWORD = 'olive trees of Berkane';

/** The one-time code (`XXXX-XXXX-XXXX`) and the login the CLI printed for a new account. */
export function parseAddStaff(output: string): { code: string; login: string } {
  const code = /\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\b/.exec(output)?.[1];
  const login = /login[:\s]+([a-z0-9][a-z0-9.-]{1,39})/i.exec(output)?.[1];
  if (!code || !login) throw new Error(`add-staff printed no code or login:\n${output}`);
  return { code, login };
}

export async function activate(page: Page, code: string, password = DEMO_PASSWORD): Promise<void> {
  await shows(page, 'page-sign-in');
  await tap(page, 'switch-mode');
  await page.locator(byTestId('activation-code')).fill(code);
  await page.locator(byTestId('new-password')).fill(password);
  await page.locator(byTestId('confirm-password')).fill(password);
  await page.keyboard.press('Enter');
  await shows(page, 'page-queues');
}

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await shows(page, 'page-sign-in');
  await page.locator(byTestId('login')).fill(login);
  await page.locator(byTestId('password')).fill(password);
  await page.keyboard.press('Enter');
  await shows(page, 'page-queues');
}

/** Finds a request by its tracking code (search) and opens its page. */
export async function openRequest(page: Page, trackingCode: string): Promise<void> {
  await page.goto(new URL('#/queues', page.url()).href);
  await shows(page, 'page-queues');
  await page.locator(byTestId('search')).fill(trackingCode);
  await page.keyboard.press('Enter');
  await tap(page, `open-${trackingCode}`);
  await shows(page, 'page-request');
}

/** Clicks an action and waits for the page to show the request's new version. */
export async function act(page: Page, action: string): Promise<void> {
  const before = await page.locator(byTestId('page-request')).getAttribute('data-version');
  await tap(page, `action-${action}`);
  await page.waitForFunction(
    ([selector, version]) => {
      const element = document.querySelector(selector!);
      return element && (element.getAttribute('data-version') !== version || document.querySelector('[data-testid="notice-conflict"]'));
    },
    [byTestId('page-request'), before] as const,
  );
}

export async function requestStatus(page: Page): Promise<string | null> {
  return page.locator(byTestId('page-request')).getAttribute('data-status');
}

/** Presses Tab until the element with this test id has the focus (as a keyboard user would); fails if it never does. */
export async function tabTo(page: Page, testId: string, maxPresses = 80): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => (document.activeElement as HTMLElement | null)?.dataset['testid'] === id, testId)) return;
  }
  throw new Error(`${testId} is not reachable with Tab`);
}
