import type { Page } from 'playwright-core';

/** One complete citizen session through the real UI, as a person would tap it. Counts the taps. */

const byTestId = (id: string) => `[data-testid="${id}"]`;
const field = (path: string) => byTestId(`field-${path.replace('.', '-')}`);

export interface FlowCounter {
  taps: number;
}

async function tap(page: Page, testId: string, counter: FlowCounter): Promise<void> {
  await page.locator(byTestId(testId)).first().click();
  counter.taps += 1;
}

async function shows(page: Page, testId: string): Promise<void> {
  await page.locator(byTestId(testId)).first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** Attract → language → home → catalogue → service → identity → review → consent → receipt → attract. */
export async function citizenSession(page: Page, counter: FlowCounter, sequence: number): Promise<string> {
  await shows(page, 'screen-attract');
  await tap(page, 'language-fr', counter);
  await tap(page, 'start', counter);
  await shows(page, 'screen-home');
  await tap(page, 'new-request', counter);
  await shows(page, 'screen-catalogue');
  await tap(page, 'service-life', counter);
  await shows(page, 'screen-service');
  await tap(page, 'next', counter);
  await shows(page, 'screen-identity');
  await page.fill(field('identity.cin'), `AB${String(100000 + (sequence % 900000))}`);
  await page.fill(field('identity.lastNameLatin'), 'ALAOUI');
  await page.fill(field('identity.firstNameLatin'), 'SAMIRA');
  await page.fill(field('identity.dateOfBirth'), '15/04/1990');
  await tap(page, 'next', counter);
  // `life` asks for no service fields: the flow goes straight to the review.
  await shows(page, 'screen-review');
  await tap(page, 'next', counter);
  await shows(page, 'screen-consent');
  await tap(page, 'consent-accept', counter);
  await shows(page, 'screen-receipt');
  const trackingCode = (await page.locator(byTestId('tracking-code')).textContent())?.trim() ?? '';
  await tap(page, 'finish', counter);
  await shows(page, 'screen-attract');
  return trackingCode;
}
