import type { CDPSession, Page } from 'playwright-core';
import { stuckReport } from './stuckReport';

/** One complete citizen session through the real UI, as a person would tap it. Counts the taps. */

const byTestId = (id: string) => `[data-testid="${id}"]`;
const field = (path: string) => byTestId(`field-${path.replace('.', '-')}`);

export interface FlowCounter {
  taps: number;
}

/** A step that gave up throws with the page's state (bench/ui/stuckReport.ts), so a rare failure explains itself. */
export class StuckError extends Error {
  override name = 'StuckError';
}

async function explained(page: Page, selector: string, step: () => Promise<unknown>, options: { forcedTap?: boolean } = {}): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof StuckError) throw error;
    throw new StuckError(await stuckReport(page, selector, error, options), { cause: error });
  }
}

async function tap(page: Page, testId: string, counter: FlowCounter): Promise<void> {
  // The session fails either way; the forced tap only tells a stalled harness from a stuck citizen.
  await explained(page, byTestId(testId), () => page.locator(byTestId(testId)).first().click(), { forcedTap: true });
  counter.taps += 1;
}

async function shows(page: Page, testId: string): Promise<void> {
  await explained(page, byTestId(testId), () => page.locator(byTestId(testId)).first().waitFor({ state: 'visible', timeout: 30_000 }));
}

async function fill(page: Page, path: string, value: string): Promise<void> {
  await explained(page, field(path), () => page.fill(field(path), value));
}

/** Attract → language → home → catalogue → service → identity → review → consent → receipt → attract. */
export async function citizenSession(page: Page, counter: FlowCounter, sequence: number): Promise<string> {
  try {
    return await citizenSteps(page, counter, sequence);
  } catch (error) {
    if (error instanceof Error) error.message = `citizen session ${sequence}: ${error.message}`;
    throw error;
  }
}

async function citizenSteps(page: Page, counter: FlowCounter, sequence: number): Promise<string> {
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
  await fill(page, 'identity.cin', `AB${String(100000 + (sequence % 900000))}`);
  await fill(page, 'identity.lastNameLatin', 'ALAOUI');
  await fill(page, 'identity.firstNameLatin', 'SAMIRA');
  await fill(page, 'identity.dateOfBirth', '15/04/1990');
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

/** A CNIE-like TD1 zone with valid check digits (card ZX0123456, CIN AB123456), as in tests/e2e/support/ear.ts. */
export const CNIE_ZONE = ['IDMARZX01234569AB123456<<<<<<<', '9004126F3101012MAR<<<<<<<<<<<6', 'EL<AMRANI<<FATIMA<ZAHRA<<<<<<<'];

/** A wedge reader's pace: a key every few milliseconds (src/ui/identity/mrzWedgeReader.ts allows 60). */
const WEDGE_KEY_GAP_MS = 5;

/**
 * The card on a keyboard-wedge MRZ reader: the three lines of its zone, each followed by Enter,
 * as trusted key events through CDP (keydown with its text, so keypress and the character's
 * input follow, then keyup), stamped a few milliseconds apart as a reader sends them. The events
 * are queued without waiting for each other: waiting for the page between two keys (as
 * Playwright's keyboard does) would space them past the wedge's gap on a loaded machine.
 */
async function readCardOnWedge(cdp: CDPSession, lines: string[]): Promise<void> {
  const startSeconds = Date.now() / 1000;
  const sends: Array<Promise<unknown>> = [];
  let index = 0;
  for (const key of lines.flatMap((line) => [...line, 'Enter'])) {
    const timestamp = startSeconds + (index++ * WEDGE_KEY_GAP_MS) / 1000;
    const enter = key === 'Enter';
    const common = enter
      ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13, timestamp }
      : { key, code: /\d/.test(key) ? `Digit${key}` : key === '<' ? 'Comma' : `Key${key}`, windowsVirtualKeyCode: key === '<' ? 188 : key.charCodeAt(0), timestamp };
    const text = enter ? '\r' : key;
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text, unmodifiedText: text, ...common }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }));
  }
  await Promise.all(sends);
}

/**
 * A residence certificate from the attract screen to its receipt, counting what a citizen
 * touches: buttons and choices, plus one key of the on-screen keyboard per character typed.
 * The identity is read from the card's MRZ by the wedge reader (no touch); the bench fails if the
 * zone is not read, rather than counting a session that did not happen. The MRZ holds no address:
 * the citizen touches its first letters on the on-screen keyboard, the street among those the
 * office's list offers, and the house number on the numeric pad, each touch counted; the bench
 * fails if the address the request would carry is not the one picked.
 */
export async function residenceSession(page: Page, cdp: CDPSession): Promise<ResidenceTaps> {
  const counter: FlowCounter = { taps: 0 };
  let keys = 0;
  // One touch per key of the on-screen keyboard under the form (its letters, or the numeric pad).
  const touchKeys = async (text: string) => {
    for (const key of text) {
      await page.locator(`.form-step__keyboard [data-skbtn="${key}"]`).click();
      keys += 1;
    }
  };
  await shows(page, 'screen-attract');
  await tap(page, 'start', counter);
  await tap(page, 'new-request', counter);
  await tap(page, 'service-residence', counter);
  await tap(page, 'next', counter);
  await shows(page, 'screen-identity');
  await readCardOnWedge(cdp, CNIE_ZONE);
  await page.locator('[data-testid="mrz-notice"][data-outcome="read"]').waitFor({ state: 'visible', timeout: 30_000 });
  const cin = await page.locator(field('identity.cin')).inputValue();
  if (cin !== 'AB123456') throw new Error(`the MRZ read filled the CIN with ${JSON.stringify(cin)}`);
  await tap(page, 'next', counter);
  await shows(page, 'screen-fields');
  // The session is in the kiosk's default language, Arabic: its keyboard, its street names.
  await touchKeys('أط');
  await tap(page, 'street-suggestion', counter);
  await page.locator(`${byTestId('field-fields-address-houseNumber')}:focus`).waitFor({ timeout: 30_000 });
  await touchKeys('12');
  const address = await page.locator(field('fields.address')).inputValue();
  if (address !== '12 زنقة الأطلس') throw new Error(`the picked address reads ${JSON.stringify(address)}`);
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
