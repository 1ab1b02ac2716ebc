import type { Page } from 'playwright-core';

/**
 * Each tap's Event Timing, in three parts: the input delay (the event stamped → its handlers
 * start), the handlers (for a click, React's render and commit) and the presentation (handlers
 * done → the next frame painted: passive effects React flushes before the paint, style, layout,
 * paint). A tap is its `pointerdown`, `pointerup` and `click` (one interactionId); its slowest
 * event stands for it, as in Chromium's INP. A capture listener names each tap (screen and test
 * id) and marks its start (`performance.mark('tap')`, seen in a trace as user timing).
 * Chromium reports only events of 16 ms or more: a tap without an entry is counted as 16 ms.
 */
export const INSTALL_TAP_TIMING = `
  window.__shubbakTaps = [];
  window.__shubbakTapEntries = [];
  addEventListener('pointerdown', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-testid]') : null;
    const screen = document.querySelector('[data-testid="kiosk"]')?.getAttribute('data-screen') ?? 'boot';
    window.__shubbakTaps.push({ at: event.timeStamp, target: target?.getAttribute('data-testid') ?? '?', screen });
    performance.mark('tap');
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) window.__shubbakTapEntries.push({ id: e.interactionId, name: e.name, startTime: e.startTime, processingStart: e.processingStart, processingEnd: e.processingEnd, duration: e.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
`;

export interface TapTiming {
  screen: string;
  target: string;
  /** performance.now() of the tap's pointerdown. */
  start: number;
  duration: number;
  inputDelay: number;
  handlers: number;
  presentation: number;
}

interface Entry {
  id: number;
  name: string;
  startTime: number;
  processingStart: number;
  processingEnd: number;
  duration: number;
}

export async function readTapTimings(page: Page): Promise<TapTiming[]> {
  // Entries are delivered after the frame they measure: give the observer a frame or two.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { taps, entries } = await page.evaluate(() => {
    const w = window as unknown as { __shubbakTaps: Array<{ at: number; target: string; screen: string }>; __shubbakTapEntries: Entry[] };
    return { taps: w.__shubbakTaps, entries: w.__shubbakTapEntries };
  });
  const byInteraction = new Map<number, Entry[]>();
  for (const entry of entries) byInteraction.set(entry.id, [...(byInteraction.get(entry.id) ?? []), entry]);
  const interactions = [...byInteraction.values()].map((list) => ({
    start: Math.min(...list.map((entry) => entry.startTime)),
    slowest: list.reduce((a, b) => (b.duration > a.duration ? b : a)),
  }));
  return taps.map((tap) => {
    // The interaction whose first event is this pointerdown (Event Timing's startTime is the event's timeStamp).
    const found = interactions.find((interaction) => Math.abs(interaction.start - tap.at) < 1);
    if (!found) return { screen: tap.screen, target: tap.target, start: tap.at, duration: 16, inputDelay: 0, handlers: 0, presentation: 0 };
    const e = found.slowest;
    return {
      screen: tap.screen,
      target: tap.target,
      start: tap.at,
      duration: e.duration,
      inputDelay: e.processingStart - e.startTime,
      handlers: e.processingEnd - e.processingStart,
      presentation: e.startTime + e.duration - e.processingEnd,
    };
  });
}
