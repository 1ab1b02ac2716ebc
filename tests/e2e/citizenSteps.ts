import type { Page } from 'playwright-core';
import type { Locale } from '../../src/domain/locales';

/**
 * Steps of the citizen flow for the end-to-end tests, by test id (never by translated text
 * alone), typing into the real inputs as a physical keyboard would.
 */

export const CITIZEN = {
  cin: 'AB123456',
  lastNameLatin: 'El Amrani',
  firstNameLatin: 'Fatima',
  lastNameArabic: 'العمراني',
  firstNameArabic: 'فاطمة',
  dateOfBirth: '12/04/1990',
} as const;

export const byTestId = (id: string) => `[data-testid="${id}"]`;
const field = (path: string) => byTestId(`field-${path.replace('.', '-')}`);

export async function tap(page: Page, testId: string): Promise<void> {
  await page.locator(byTestId(testId)).first().click();
}

export async function shows(page: Page, testId: string, timeout = 15_000): Promise<void> {
  await page.locator(byTestId(testId)).first().waitFor({ state: 'visible', timeout });
}

export async function typeInto(page: Page, path: string, text: string): Promise<void> {
  await page.locator(field(path)).fill(text);
}

/** From the attract screen to the review of the residence certificate. */
export async function requestResidenceUpToReview(page: Page, locale: Locale): Promise<void> {
  await shows(page, 'screen-attract');
  await tap(page, `language-${locale}`);
  await tap(page, 'start');
  await tap(page, 'new-request');
  await tap(page, 'service-residence');
  await shows(page, 'screen-service');
  await tap(page, 'next');
  await shows(page, 'screen-identity');
  for (const [key, value] of Object.entries(CITIZEN)) await typeInto(page, `identity.${key}`, value);
  await tap(page, 'next');
  await shows(page, 'screen-fields');
  await typeInto(page, 'fields.address', '12 rue Atlas, Berkane');
  await tap(page, 'field-fields-proofOfAddress-bill');
  await tap(page, 'next');
  await shows(page, 'screen-review');
}

/** Through the consent to the receipt; returns the tracking code shown. */
export async function confirmAndSave(page: Page): Promise<string> {
  await tap(page, 'next');
  await shows(page, 'screen-consent');
  await tap(page, 'consent-accept');
  await shows(page, 'screen-receipt');
  return ((await page.locator(byTestId('tracking-code')).textContent()) ?? '').trim();
}

/** Looks a tracking code up from a fresh session; returns the status element's `data-status`. */
export async function lookUp(page: Page, trackingCode: string, locale?: Locale): Promise<string | null> {
  await shows(page, 'screen-attract');
  if (locale) await tap(page, `language-${locale}`);
  await tap(page, 'start');
  await tap(page, 'check-status');
  await typeInto(page, 'lookup.code', trackingCode);
  await tap(page, 'lookup-submit');
  // Only the holder may read a status: the last 4 digits of the CIN, then the year of birth.
  await typeInto(page, 'lookup.answer', `${CITIZEN.cin.slice(-4)}${CITIZEN.dateOfBirth.slice(-4)}`);
  await tap(page, 'lookup-answer-submit');
  await shows(page, 'lookup-status');
  return page.locator(byTestId('lookup-status')).getAttribute('data-status');
}
