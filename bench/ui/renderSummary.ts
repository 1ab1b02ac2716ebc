import { median, percentile } from '../stats';
import type { Segment } from './renderCount';

export interface TapKind {
  /** `screen:testId`, e.g. `identity:next`. */
  tap: string;
  /** How many times the sessions touched it. */
  times: number;
  /** Components rendered on the tap's frame (sync commits), median over its touches. */
  components: number;
  /** Components rendered afterwards for it (a promise settled, a transition), median. */
  laterComponents: number;
  /** The components rendered most on that frame, with how many render per touch. */
  top: string[];
}

export interface RenderSummary {
  taps: number;
  componentsPerTap: { p50: number; p95: number; max: number };
  laterComponentsPerTap: { p50: number; max: number };
  /** Render time of the tap's sync commits as React's profiling build measures it (noisy, for orientation). */
  actualDurationMsPerTap: { p50: number; p95: number } | null;
  /** A focus or a typed value (page.fill) outside a tap. */
  componentsPerTypingSegment: { p50: number; max: number; segments: number };
  worstTaps: TapKind[];
}

function componentsOf(segment: Segment, sync: boolean): number {
  return segment.commits.filter((commit) => commit.sync === sync).reduce((sum, commit) => sum + commit.components, 0);
}

function topNames(segments: Segment[], count: number): string[] {
  const tally = new Map<string, number>();
  for (const segment of segments) for (const commit of segment.commits) if (commit.sync) for (const name of commit.names) tally.set(name, (tally.get(name) ?? 0) + 1);
  return [...tally.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([name, times]) => `${name}×${Math.round((times / segments.length) * 10) / 10}`);
}

/** Components rendered per tap over the sessions, and the taps that render the most, by screen. */
export function summariseRenders(segments: Segment[], worst = 6): RenderSummary {
  const taps = segments.filter((segment) => segment.kind === 'tap');
  if (taps.length === 0) throw new Error('no tap was recorded: the render counter did not see the sessions');
  const sync = taps.map((tap) => componentsOf(tap, true));
  const later = taps.map((tap) => componentsOf(tap, false));
  const durations = taps.flatMap((tap) => {
    const timed = tap.commits.filter((commit) => commit.sync && commit.actualDurationMs !== null);
    return timed.length ? [timed.reduce((sum, commit) => sum + commit.actualDurationMs!, 0)] : [];
  });
  const typing = segments.filter((segment) => segment.kind === 'typing').map((segment) => componentsOf(segment, true) + componentsOf(segment, false));
  const kinds = new Map<string, Segment[]>();
  for (const tap of taps) kinds.set(`${tap.screen}:${tap.label}`, [...(kinds.get(`${tap.screen}:${tap.label}`) ?? []), tap]);
  const worstTaps = [...kinds.entries()]
    .map(([tap, touches]) => ({
      tap,
      times: touches.length,
      components: median(touches.map((touch) => componentsOf(touch, true))),
      laterComponents: median(touches.map((touch) => componentsOf(touch, false))),
      top: topNames(touches, 8),
    }))
    .sort((a, b) => b.components - a.components || a.tap.localeCompare(b.tap))
    .slice(0, worst);
  return {
    taps: taps.length,
    componentsPerTap: { p50: median(sync), p95: percentile(sync, 95), max: Math.max(...sync) },
    laterComponentsPerTap: { p50: median(later), max: Math.max(...later) },
    actualDurationMsPerTap: durations.length ? { p50: Math.round(median(durations) * 10) / 10, p95: Math.round(percentile(durations, 95) * 10) / 10 } : null,
    componentsPerTypingSegment: typing.length ? { p50: median(typing), max: Math.max(...typing), segments: typing.length } : { p50: 0, max: 0, segments: 0 },
    worstTaps,
  };
}
