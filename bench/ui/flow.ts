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

export interface ResidenceTaps {
  /** Buttons, options and choices touched. */
  buttons: number;
  /** Keys the citizen would touch on the on-screen keyboard for what is typed (one per character). */
  keys: number;
}

/**
 * A residence certificate from the attract screen to its receipt, counting what a citizen
 * touches. The identity is typed (this branch has no MRZ reading: with it the identity's keys
 * would go), each character counted as one key of the on-screen keyboard.
 */
export async function residenceSession(page: Page): Promise<ResidenceTaps> {
  const counter: FlowCounter = { taps: 0 };
  let keys = 0;
  const type = async (path: string, text: string) => {
    await page.fill(field(path), text);
    keys += [...text].length;
  };
  await shows(page, 'screen-attract');
  await tap(page, 'start', counter);
  await tap(page, 'new-request', counter);
  await tap(page, 'service-residence', counter);
  await tap(page, 'next', counter);
  await shows(page, 'screen-identity');
  await type('identity.cin', 'AB123456');
  await type('identity.lastNameLatin', 'ALAOUI');
  await type('identity.firstNameLatin', 'SAMIRA');
  await type('identity.dateOfBirth', '15041990');
  await tap(page, 'next', counter);
  await shows(page, 'screen-fields');
  await type('fields.address', '12 RUE ATLAS');
  await tap(page, 'field-fields-proofOfAddress-bill', counter);
  await tap(page, 'next', counter);
  await shows(page, 'screen-review');
  await tap(page, 'next', counter);
  await tap(page, 'consent-accept', counter);
  await shows(page, 'screen-receipt');
  const taps = { buttons: counter.taps, keys };
  await page.locator(byTestId('finish')).click();
  await shows(page, 'screen-attract');
  return taps;
}
