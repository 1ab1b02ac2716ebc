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

/**
 * The address from the demo office's streets as a citizen picks it: the first letters typed,
 * the street touched among those offered, the house number on the on-screen numeric pad.
 * Returns the address the request should carry.
 */
export async function pickDemoAddress(page: Page, locale: Locale): Promise<string> {
  await typeInto(page, 'fields.address', locale === 'ar' ? 'الأط' : 'at');
  // Offered once the office's identity (with its streets) is pulled: the first cycle after enrolment.
  await page.locator(`${byTestId('street-suggestion')}[data-street="Rue Atlas"]`).click({ timeout: 60_000 });
  await page.locator(`${byTestId('field-fields-address-houseNumber')}:focus`).waitFor();
  for (const digit of '12') await page.locator(`.form-step__keyboard [data-skbtn="${digit}"]`).click();
  return locale === 'ar' ? '12 زنقة الأطلس' : '12 Rue Atlas';
}

/**
 * From the attract screen to the review of the residence certificate; the address typed in full,
 * or picked from the office's streets (`pickAddress`, a back office whose office has a list).
 */
export async function requestResidenceUpToReview(page: Page, locale: Locale, options: { pickAddress?: boolean } = {}): Promise<void> {
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
  if (options.pickAddress) {
    const address = await pickDemoAddress(page, locale);
    const typed = await page.locator(field('fields.address')).inputValue();
    if (typed !== address) throw new Error(`the picked address reads ${JSON.stringify(typed)}, not ${JSON.stringify(address)}`);
  } else {
    await typeInto(page, 'fields.address', '12 rue Atlas, Berkane');
  }
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
