import type { TapTiming } from './tapTiming';

/** The fields of a Chromium trace event this reads (µs; `tdur` is the thread's CPU time). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { data?: { type?: string } };
}

export interface TapCpu {
  /** Main-thread CPU time of each tap (ms), in the taps' order. */
  perTapMs: number[];
  /** Main-thread CPU self time per trace event name over all taps (ms), the 20 largest. */
  byEventMs: Record<string, number>;
}

/**
 * What the renderer's main thread computed for each tap, in CPU time (`tdur`): a figure that the
 * machine's load hardly moves, unlike the tap's latency (a thread waiting for a core has no CPU
 * time). Measure it unthrottled: Chromium's CPU throttling keeps the thread busy, so it scales
 * this figure as it scales the latency. A tap is the tasks from the one that dispatched its
 * pointerdown (the one holding the tap's `tap` mark) to the compositor commit of the first frame
 * after its click (Event Timing's end, which a tap under 16 ms does not report). An event's self time is its own less its children's,
 * so a layout forced inside a handler counts as `Layout`, not twice. Complete events (`X`) only.
 */
export function mainThreadCpuInTaps(events: TraceEvent[], taps: TapTiming[]): TapCpu {
  const marks = events.filter((event) => event.name === 'tap' && event.cat.includes('blink.user_timing')).sort((a, b) => a.ts - b.ts);
  if (marks.length === 0 || marks.length !== taps.length) throw new Error(`the trace has ${marks.length} tap marks, the page ${taps.length} taps`);
  const { pid, tid } = marks[0]!;
  const complete = events
    .filter((event) => event.ph === 'X' && event.pid === pid && event.tid === tid && event.dur !== undefined && event.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const ends = (event: TraceEvent) => event.ts + event.dur!;
  // Top-level tasks: those not inside another.
  const tasks: TraceEvent[] = [];
  for (const event of complete) if (tasks.length === 0 || event.ts >= ends(tasks.at(-1)!)) tasks.push(event);
  const clicks = complete.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'click');
  const commits = complete.filter((event) => event.name === 'Commit');
  const windows = marks.map((mark, i) => {
    const holding = tasks.find((task) => task.ts <= mark.ts && mark.ts <= ends(task));
    const click = clicks.find((event) => event.ts > mark.ts);
    const frame = click ? commits.find((event) => event.ts > ends(click)) : undefined;
    return { from: holding?.ts ?? mark.ts, to: frame ? ends(frame) : mark.ts + taps[i]!.duration * 1000 };
  });
  const inWindow = (event: TraceEvent) => windows.findIndex((window) => event.ts >= window.from && event.ts < window.to);
  const perTap = windows.map(() => 0);
  for (const task of tasks) {
    const i = inWindow(task);
    if (i >= 0) perTap[i]! += task.tdur! / 1000;
  }
  const totals = new Map<string, number>();
  const stack: Array<{ event: TraceEvent; children: number }> = [];
  const close = (until: number) => {
    while (stack.length > 0 && ends(stack.at(-1)!.event) <= until) {
      const { event, children } = stack.pop()!;
      if (inWindow(event) >= 0) totals.set(event.name, (totals.get(event.name) ?? 0) + Math.max(0, event.tdur! - children) / 1000);
      if (stack.length > 0) stack.at(-1)!.children += event.tdur!;
    }
  };
  for (const event of complete) {
    close(event.ts);
    stack.push({ event, children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return {
    perTapMs: perTap,
    byEventMs: Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, ms]) => [name, Math.round(ms)])),
  };
}
