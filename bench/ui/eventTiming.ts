import type { Page } from 'playwright-core';
import { percentile } from '../stats';

/**
 * Tap latency with the Event Timing API: from the input event to the next frame painted after
 * its handlers ran. Chromium reports only events slower than `durationThreshold` (16 ms, its
 * floor), so a tap missing from the report took less than 16 ms and is counted as 16 (an upper
 * bound). One tap = one interaction (pointerdown, pointerup, click share an interactionId); its
 * latency is the slowest of its events.
 */
export const INSTALL_EVENT_TIMING = `
  window.__shubbakEventTiming = [];
  window.__shubbakEventTimingObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId) window.__shubbakEventTiming.push({ id: entry.interactionId, name: entry.name, duration: entry.duration });
    }
  });
  window.__shubbakEventTimingObserver.observe({ type: 'event', durationThreshold: 16, buffered: true });
`;

/** Stops collecting and drops what was collected, so the instrument does not weigh on a heap measure. */
export async function stopEventTiming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __shubbakEventTimingObserver: PerformanceObserver; __shubbakEventTiming: unknown[] };
    w.__shubbakEventTimingObserver.disconnect();
    w.__shubbakEventTiming.length = 0;
  });
}

export interface TapLatency {
  p95Ms: number;
  taps: number;
  reported: number;
  maxMs: number;
}

export async function readTapLatency(page: Page, taps: number): Promise<TapLatency> {
  // Entries are delivered after the frame they measure: give the observer a frame or two.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const entries = await page.evaluate(() => (window as unknown as { __shubbakEventTiming: Array<{ id: number; duration: number }> }).__shubbakEventTiming);
  const byInteraction = new Map<number, number>();
  for (const entry of entries) byInteraction.set(entry.id, Math.max(byInteraction.get(entry.id) ?? 0, entry.duration));
  const reported = [...byInteraction.values()];
  const latencies = [...reported, ...Array.from({ length: Math.max(0, taps - reported.length) }, () => 16)];
  return { p95Ms: percentile(latencies, 95), taps, reported: reported.length, maxMs: Math.max(16, ...reported) };
}
