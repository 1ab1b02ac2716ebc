import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningKioskServer } from '../../scripts/kioskServer';
import { launchKiosk, startKioskServer, waitFor, type LaunchedKiosk } from './harness';
import { pictogram, readCardOnWedge } from './support/ear';

/**
 * A citizen who cannot read, in Chromium: the test finds its way only by what the kiosk says
 * (the prompt the page's audio element plays) and by the pictograms it sees (their names), never
 * by a label or a test id. It also proves Chromium plays the shipped Ogg Vorbis files.
 */

const GUIDE = 'audio[data-testid="audio-guide"]';

interface Heard {
  prompt: string | undefined;
  language: string | undefined;
  state: string | undefined;
}

async function heard(page: Page): Promise<Heard> {
  return page.locator(GUIDE).evaluate((audio: HTMLAudioElement) => ({ prompt: audio.dataset.prompt, language: audio.dataset.promptLanguage, state: audio.dataset.state }));
}

/** Waits until the kiosk says `prompt` and Chromium actually plays it (started, or already finished). */
async function hears(page: Page, prompt: string): Promise<Heard> {
  let last: Heard | null = null;
  await waitFor(
    async () => {
      last = await heard(page);
      return last.prompt === prompt && (last.state === 'playing' || last.state === 'ended');
    },
    { timeoutMs: 10_000, description: `the kiosk saying ${prompt} (last heard: ${JSON.stringify(last)})` },
  );
  return last!;
}

// Evaluated through the DevTools protocol: the page's CSP allows no inline script (as in accessibility.test.ts).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A and AA violations of the page as it is, listen mode's controls included. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeRun = (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
    const { axe } = window as unknown as { axe: { run: AxeRun } };
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`));
  });
}

/** Touches each candidate once, listening, until one says `prompt`; returns it (armed: a second touch takes it). */
async function findByEar(page: Page, candidates: Locator, prompt: string): Promise<Locator> {
  const count = await candidates.count();
  for (let index = 0; index < count; index += 1) {
    const candidate = candidates.nth(index);
    await candidate.click();
    await waitFor(async () => (await heard(page)).state !== 'loading', { timeoutMs: 10_000, description: 'a prompt played' });
    if ((await heard(page)).prompt === prompt) return candidate;
  }
  throw new Error(`no choice said ${prompt}`);
}

describe('a journey by ear and by pictogram', () => {
  let server: RunningKioskServer;
  let kiosk: LaunchedKiosk;

  beforeAll(async () => {
    server = await startKioskServer({});
    kiosk = await launchKiosk({ url: server.url });
  });

  afterAll(async () => {
    await kiosk?.close();
    await server?.close();
  });

  it('turns guidance on, picks French by its spoken name, finds the residence certificate by ear, reads the card, then cancels', async () => {
    const { page } = kiosk;
    await pictogram(page, 'listen').waitFor({ state: 'visible', timeout: 30_000 });
    await pictogram(page, 'listen').click();
    await hears(page, 'screen.attract');

    // Languages: each says its own name in its own voice; the second touch takes it.
    const french = await findByEar(page, pictogram(page, 'speak'), 'language.fr');
    expect((await heard(page)).language).toBe('fr');
    await french.click();
    await pictogram(page, 'replay').click();
    expect(await hears(page, 'screen.attract')).toMatchObject({ language: 'fr' });

    await pictogram(page, 'touch-start').click();
    await hears(page, 'choice.start');
    await pictogram(page, 'touch-start').click();
    await hears(page, 'screen.home');

    await pictogram(page, 'new-request').click();
    await hears(page, 'choice.newRequest');
    await pictogram(page, 'new-request').click();
    await hears(page, 'screen.catalogue');

    // The house: heard as the residence certificate, taken with the large "choose" button.
    await pictogram(page, 'house').click();
    await hears(page, 'service.residence');
    // A choice waiting for its second touch, "choose" and "listen again" shown: still accessible.
    expect(await axeViolations(page)).toEqual([]);
    await pictogram(page, 'choose').click();
    await hears(page, 'screen.service');

    // The screen's main action is found by ear among the actions at the bottom.
    const next = await findByEar(page, page.locator('.screen__actions button'), 'choice.next');
    await next.click();
    await hears(page, 'screen.identity');

    // The card on the reader, not typing: a keyboard-wedge reader types the zone's three lines.
    await readCardOnWedge(page);
    await page.locator('[data-outcome="read"]').waitFor({ state: 'visible', timeout: 10_000 });
    // Checked here, not used to find the way: the zone filled the card number, from its optional data.
    expect(await page.locator('#field-identity-cin').inputValue()).toBe('AB123456');
    expect((await heard(page)).prompt).toBe('screen.identity');

    await pictogram(page, 'cancel').click();
    await hears(page, 'choice.cancel');
    await pictogram(page, 'cancel').click();
    await pictogram(page, 'yes').click();
    await hears(page, 'choice.yes');
    await pictogram(page, 'yes').click();

    // Back on the attract screen the session is over: guidance off, nothing playing.
    await waitFor(async () => (await heard(page)).state === 'stopped', { description: 'guidance stopped with the session' });
    expect(await pictogram(page, 'listen').getAttribute('aria-pressed')).toBe('false');
  });
});
