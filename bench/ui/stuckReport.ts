import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What the page looked like when a scripted tap or wait gave up, so that a benchmark that fails
 * once in hundreds of sessions (run 20, issue 13: the identity screen's "Next" never became
 * "visible, enabled and stable") says why instead of only "timeout".
 */

const RECENT_MESSAGES = 20;
const recent = new WeakMap<Page, string[]>();

/**
 * Keeps the page's last uncaught errors and, with `consoleMessages`, its console errors and warnings, for
 * `stuckReport`. A console listener makes Playwright hold a handle on each message's arguments in
 * the page, so a run that measures the page's heap records uncaught errors only.
 */
export function recordPageMessages(page: Page, { consoleMessages = true }: { consoleMessages?: boolean } = {}): void {
  if (recent.has(page)) return;
  const messages: string[] = [];
  recent.set(page, messages);
  const keep = (line: string) => {
    messages.push(`${new Date().toISOString()} ${line}`);
    if (messages.length > RECENT_MESSAGES) messages.shift();
  };
  if (consoleMessages) {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') keep(`console.${message.type()}: ${message.text()}`);
    });
  }
  page.on('pageerror', (error) => keep(`pageerror: ${error.message}`));
  page.on('crash', () => keep('page crashed'));
}

/** What is read in the page: plain data, so it crosses `evaluate`. */
interface PageState {
  screen: string | null;
  visibilityState: string;
  activeElement: string | null;
  /** Milliseconds until a requestAnimationFrame callback ran (null: none within a second). */
  frameMs: number | null;
  overlays: string[];
  elements: Array<{
    html: string;
    disabled: boolean;
    /** Inside an `inert` subtree: Playwright's "enabled" check includes "not inert". */
    inert: boolean;
    connected: boolean;
    style: { display: string; visibility: string; opacity: string; transform: string; animations: number };
    /** The bounding box over consecutive frames: Playwright's "stable" needs two equal ones in a row. */
    boxes: string[];
    /** What a tap at the element's centre would hit. */
    atCentre: string | null;
  }>;
  screenHtml: string | null;
}

/**
 * The page-side reader, as source text: functions that tsx compiles get a `__name` helper the
 * page does not have. Called with the selector; resolves to a `PageState`.
 */
const READ_PAGE_STATE = `async (selector) => {
  const describe = (element) =>
    element ? '<' + element.tagName.toLowerCase() + [...element.attributes].map((a) => ' ' + a.name + '="' + a.value + '"').join('') + '>' : null;
  const nextFrame = () =>
    new Promise((resolve) => {
      const start = performance.now();
      const timer = setTimeout(() => resolve(null), 1000);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve(performance.now() - start);
      });
    });
  const frameMs = await nextFrame();
  const elements = [];
  for (const element of document.querySelectorAll(selector)) {
    const boxes = [];
    for (let frame = 0; frame < 5; frame++) {
      const box = element.getBoundingClientRect();
      boxes.push(box.x.toFixed(1) + ',' + box.y.toFixed(1) + ' ' + box.width.toFixed(1) + 'x' + box.height.toFixed(1));
      if ((await nextFrame()) === null) break;
    }
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    elements.push({
      html: describe(element) + (element.textContent || '').trim().slice(0, 40),
      disabled: element.disabled === true,
      inert: element.closest('[inert]') !== null,
      connected: element.isConnected,
      style: { display: style.display, visibility: style.visibility, opacity: style.opacity, transform: style.transform, animations: element.getAnimations().length },
      boxes,
      atCentre: describe(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)),
    });
  }
  const screen = document.querySelector('[data-testid^="screen-"]');
  const kiosk = document.querySelector('[data-testid="kiosk"]');
  return {
    screen: kiosk ? kiosk.getAttribute('data-screen') : null,
    visibilityState: document.visibilityState,
    activeElement: describe(document.activeElement),
    frameMs,
    overlays: [...document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog[open], [data-testid="help-notice"]')].map((o) => describe(o) || ''),
    elements,
    // Pictograms inline their images in style attributes: left out, they would fill the report.
    screenHtml: screen ? screen.outerHTML.replace(/ style="[^"]*"/g, '').slice(0, 4000) : null,
  };
}`;

async function readPageState(page: Page, selector: string): Promise<PageState> {
  return page.evaluate(`(${READ_PAGE_STATE})(${JSON.stringify(selector)})`) as Promise<PageState>;
}

/**
 * A multi-line account of the page for `selector` after `error`: the screen, each matching
 * element's box over five frames, its style and what covers it, the focus, whether frames run,
 * the recent console errors, and a screenshot's path. Bounded in time: a hung page still gets a report.
 */
function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export async function stuckReport(page: Page, selector: string, error: unknown, options: { forcedTap?: boolean } = {}): Promise<string> {
  const lines = [`${error instanceof Error ? error.message : String(error)}`, `--- page state for ${selector} (bench/ui/stuckReport.ts) ---`];
  try {
    const state = await timeout(readPageState(page, selector), 10_000);
    lines.push(`screen: ${state.screen}; visibility: ${state.visibilityState}; a frame within ${state.frameMs === null ? 'none in 1 s' : `${state.frameMs.toFixed(1)} ms`}`);
    lines.push(`focus: ${state.activeElement}`);
    lines.push(`overlays: ${state.overlays.length ? state.overlays.join(' ') : 'none'}`);
    for (const element of state.elements) {
      lines.push(`element: ${element.html}`);
      lines.push(`  disabled ${element.disabled}, inert ${element.inert}, connected ${element.connected}, style ${JSON.stringify(element.style)}`);
      lines.push(`  boxes over frames: ${element.boxes.join(' | ')}`);
      lines.push(`  at its centre: ${element.atCentre}`);
    }
    if (state.elements.length === 0) lines.push('element: none matches');
    lines.push(`screen html: ${state.screenHtml}`);
  } catch (readError) {
    lines.push(`page state unreadable: ${readError instanceof Error ? readError.message : String(readError)}`);
  }
  lines.push(`recent page errors: ${(recent.get(page) ?? ['(not recorded: recordPageMessages was not called)']).join('\n  ') || 'none'}`);
  try {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'bench-ui-stuck-')), 'page.png');
    await timeout(page.screenshot({ path: file, timeout: 10_000 }), 12_000);
    lines.push(`screenshot: ${file}`);
  } catch (shotError) {
    lines.push(`screenshot failed: ${shotError instanceof Error ? shotError.message : String(shotError)}`);
  }
  if (options.forcedTap) lines.push(`a tap without Playwright's checks: ${await forcedTapOutcome(page, selector)}`);
  return lines.join('\n');
}

const screenOf = (page: Page) => page.locator('[data-testid="kiosk"]').getAttribute('data-screen', { timeout: 5_000 });

/**
 * Taps the element's centre as a finger would, skipping Playwright's waits (visible, enabled,
 * stable, not covered), and says whether the screen changed: "advanced" means a citizen's finger
 * would have worked and what stalled was the harness's wait; "did not advance" is a citizen stuck.
 */
async function forcedTapOutcome(page: Page, selector: string): Promise<string> {
  try {
    const before = await screenOf(page);
    await timeout(page.locator(selector).first().click({ force: true, timeout: 5_000 }), 7_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await screenOf(page);
    return after === before ? `did not advance (still ${before} after 2 s)` : `advanced (${before} → ${after})`;
  } catch (tapError) {
    return `failed: ${tapError instanceof Error ? tapError.message.split('\n')[0] : String(tapError)}`;
  }
}
