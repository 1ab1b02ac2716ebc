import type { Locator, Page } from 'playwright-core';
import { waitFor } from './system';

/**
 * A citizen's ear for the end-to-end tests: what the kiosk said, in order, as its audio guide
 * reports it (src/ui/audio/promptPlayer.ts marks the page's one <audio> element with the prompt
 * it plays; Chromium's `playing` event says the sound started). A test that finds its way with it
 * touches a control, listens, and decides from what it heard; it never reads a label.
 */

/** One prompt the kiosk started to play. */
export interface Utterance {
  prompt: string;
  /** The language of the recording heard (a Tifinagh session hears Arabic until staff record Amazigh). */
  language: string | null;
}

const GUIDE_TEST_ID = 'audio-guide';
/** Where the page keeps what was heard (set through the DevTools protocol: the page's CSP allows no inline script). */
const LOG = '__shubbakHeard';

/** A control by the pictogram it shows (the pictogram's name, `data-pictogram`), never by its text. */
export const pictogram = (page: Page, name: string): Locator => page.locator(`button:has([data-pictogram="${name}"])`);

/** A CNIE-like TD1 zone with valid check digits (card ZX0123456, CIN AB123456), as in tests/ui/mrzIdentity.test.tsx. */
export const CNIE_ZONE = ['IDMARZX01234569AB123456<<<<<<<', '9004126F3101012MAR<<<<<<<<<<<6', 'EL<AMRANI<<FATIMA<ZAHRA<<<<<<<'];

/**
 * The card on a keyboard-wedge reader: the zone's three lines, each followed by Enter. The keys
 * are dispatched in one go: Playwright waits for the page between two keys, and on a loaded
 * machine that wait (not the reader) would space them past the wedge's 60 ms.
 */
export async function readCardOnWedge(page: Page, lines: readonly string[] = CNIE_ZONE): Promise<void> {
  await page.evaluate((zone) => {
    const target = document.activeElement ?? document.body;
    for (const key of zone.flatMap((line) => [...line, 'Enter'])) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, lines);
}

/** The page's log: what played, and a mark at each touch (so that what a touch caused is told from what came before it). */
type Heard = Utterance | { touch: true };
const isUtterance = (entry: Heard): entry is Utterance => !('touch' in entry);

export class Ear {
  /** How far in the page's log the test has listened. */
  private cursor = 0;

  private constructor(private readonly page: Page) {}

  /** Starts listening on the page as it is now (again after a reload: the log lives in the page). */
  static async listen(page: Page): Promise<Ear> {
    await page.evaluate(
      ({ log, testId }) => {
        const holder = window as unknown as Record<string, Heard[] | undefined>;
        if (holder[log]) return;
        const heard: Heard[] = [];
        holder[log] = heard;
        // Media events do not bubble; captured on the document, they are heard whatever element plays.
        // A new prompt's load drops the old source's pending events, so what plays after a touch is the touch's.
        document.addEventListener(
          'playing',
          (event) => {
            const audio = event.target;
            if (!(audio instanceof HTMLAudioElement) || audio.dataset['testid'] !== testId) return;
            heard.push({ prompt: audio.dataset['prompt'] ?? '', language: audio.dataset['promptLanguage'] ?? null });
          },
          true,
        );
        document.addEventListener('click', () => heard.push({ touch: true }), true);
      },
      { log: LOG, testId: GUIDE_TEST_ID },
    );
    return new Ear(page);
  }

  private async log(): Promise<Heard[]> {
    return this.page.evaluate((log) => [...((window as unknown as Record<string, Heard[] | undefined>)[log] ?? [])], LOG);
  }

  /** Every prompt heard since the page was listened to, in order. */
  async all(): Promise<Utterance[]> {
    return (await this.log()).filter(isUtterance);
  }

  /** What the guide element says about itself now, for a failure's message. */
  private async guideState(): Promise<string> {
    return this.page.locator(`audio[data-testid="${GUIDE_TEST_ID}"]`).evaluate((audio: HTMLAudioElement) => JSON.stringify({ ...audio.dataset }));
  }

  /** Waits for the next prompt not listened to yet; `what` explains a timeout. */
  private async next(what: string, timeoutMs = 10_000): Promise<Utterance> {
    let log: Heard[] = [];
    const pending = () => log.slice(this.cursor).findIndex(isUtterance);
    try {
      await waitFor(
        async () => {
          log = await this.log();
          return pending() >= 0;
        },
        { timeoutMs, description: what },
      );
    } catch (error) {
      const heard = log.filter(isUtterance).map((utterance) => utterance.prompt);
      throw new Error(`${what}: nothing more was heard (so far: ${heard.join(', ') || 'nothing'}; the guide: ${await this.guideState()})`, { cause: error });
    }
    const index = this.cursor + pending();
    this.cursor = index + 1;
    return log[index] as Utterance;
  }

  /** Listens until the kiosk says `prompt` (what it said before, since the last thing listened to, is passed over). */
  async hears(prompt: string): Promise<Utterance> {
    const passed: string[] = [];
    for (;;) {
      const utterance = await this.next(`the kiosk saying ${prompt} (passed over: ${passed.join(', ') || 'nothing'})`);
      if (utterance.prompt === prompt) return utterance;
      passed.push(utterance.prompt);
    }
  }

  /** Touches a control; from then on only what the touch caused is listened to. */
  async press(control: Locator): Promise<void> {
    await control.click();
    const log = await this.log();
    const touched = log.findLastIndex((entry) => !isUtterance(entry));
    if (touched < 0) throw new Error(`touching ${control.toString()} reached no control`);
    this.cursor = touched + 1;
  }

  /** Touches a control once and returns what the kiosk said: a control that says nothing fails the test. */
  async touch(control: Locator): Promise<Utterance> {
    await this.press(control);
    return this.next(`what ${control.toString()} said when touched`);
  }

  /**
   * Touches each enabled candidate once, listening, until one says `prompt`; returns it, armed
   * (a second touch, or "choose", takes it). A greyed-out control is not touched: it would say
   * nothing and do nothing.
   */
  async find(candidates: Locator, prompt: string): Promise<Locator> {
    const heard: string[] = [];
    const count = await candidates.count();
    for (let index = 0; index < count; index += 1) {
      const candidate = candidates.nth(index);
      if (!(await candidate.isEnabled())) continue;
      const said = await this.touch(candidate);
      if (said.prompt === prompt) return candidate;
      heard.push(said.prompt);
    }
    throw new Error(`no choice among ${count} said ${prompt} (heard: ${heard.join(', ') || 'nothing'})`);
  }

  /** Touches an armed choice (or "choose") again, and listens until the kiosk says `then` (the next screen's prompt). */
  async take(control: Locator, then: string): Promise<Utterance> {
    await this.press(control);
    return this.hears(then);
  }
}
