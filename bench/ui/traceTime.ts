import type { TapTiming } from './tapTiming';

/** The fields of a Chromium trace event this reads (µs). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat: string;
}

/**
 * Main-thread self time per trace event name, summed inside the taps' windows (each from its
 * `tap` mark to the mark plus its Event Timing duration), in ms over all taps. Only complete
 * events (`X`) of the renderer's main thread (the thread of the `tap` marks) count; an event's
 * self time is its duration less its children's, so a forced layout inside a handler counts as
 * `Layout`, not twice.
 */
export function mainThreadTimeInTaps(events: TraceEvent[], taps: TapTiming[]): Record<string, number> {
  const marks = events.filter((event) => event.name === 'tap' && event.cat.includes('blink.user_timing')).sort((a, b) => a.ts - b.ts);
  if (marks.length === 0 || marks.length !== taps.length) throw new Error(`the trace has ${marks.length} tap marks, the page ${taps.length} taps`);
  const { pid, tid } = marks[0]!;
  const windows = marks.map((mark, i) => ({ from: mark.ts, to: mark.ts + taps[i]!.duration * 1000 }));
  const complete = events.filter((event) => event.ph === 'X' && event.pid === pid && event.tid === tid && event.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals = new Map<string, number>();
  const stack: Array<{ event: TraceEvent; children: number }> = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= until) {
      const { event, children } = stack.pop()!;
      const mid = event.ts + event.dur! / 2;
      if (windows.some((window) => mid >= window.from && mid <= window.to)) totals.set(event.name, (totals.get(event.name) ?? 0) + (event.dur! - children) / 1000);
      if (stack.length > 0) stack.at(-1)!.children += event.dur!;
    }
  };
  for (const event of complete) {
    close(event.ts);
    stack.push({ event, children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, ms]) => [name, Math.round(ms)]));
}
