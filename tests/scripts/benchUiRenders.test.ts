import { describe, expect, it } from 'vitest';
import { selfTimeByFunction } from '../../bench/ui/cpuSelfTime';
import type { Segment } from '../../bench/ui/renderCount';
import { summariseRenders } from '../../bench/ui/renderSummary';

const tap = (screen: string, label: string, sync: number[], later: number[] = []): Segment => ({
  kind: 'tap',
  label,
  screen,
  commits: [
    ...sync.map((components) => ({ sync: true, components, names: Array.from({ length: components }, () => 'TouchButton'), actualDurationMs: 1 })),
    ...later.map((components) => ({ sync: false, components, names: [], actualDurationMs: 1 })),
  ],
});

describe('bench:ui:renders summary', () => {
  it('counts the components of a tap frame apart from those rendered later, and ranks the taps by screen', () => {
    const summary = summariseRenders([
      { kind: 'typing', label: 'input', screen: 'identity', commits: [{ sync: true, components: 5, names: [], actualDurationMs: null }] },
      tap('attract', 'start', [10, 20]),
      tap('home', 'new-request', [7], [50]),
      tap('attract', 'start', [30]),
    ]);
    expect(summary.taps).toBe(3);
    expect(summary.componentsPerTap).toEqual({ p50: 30, p95: 30, max: 30 });
    expect(summary.laterComponentsPerTap).toEqual({ p50: 0, max: 50 });
    expect(summary.componentsPerTypingSegment).toEqual({ p50: 5, max: 5, segments: 1 });
    expect(summary.worstTaps.map((kind) => [kind.tap, kind.times, kind.components])).toEqual([
      ['attract:start', 2, 30],
      ['home:new-request', 1, 7],
    ]);
    expect(summary.worstTaps[0]!.top).toEqual(['TouchButton×30']);
  });

  it('refuses a run where no tap was seen, rather than report zero work', () => {
    expect(() => summariseRenders([])).toThrow(/no tap/);
  });

  it('gives each sample its interval and sums a function over its callers, idle left out', () => {
    const frame = (functionName: string, lineNumber = 0) => ({ functionName, url: 'http://127.0.0.1/assets/index.js', lineNumber });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('render', 9) },
        { id: 2, callFrame: frame('render', 9) },
        { id: 3, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
        { id: 4, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
      ],
      samples: [1, 2, 3, 4, 1],
      timeDeltas: [0, 1000, 2000, 4000, 500],
    };
    expect(selfTimeByFunction(profile)).toEqual([
      { fn: 'render (index.js:10)', ms: 3 },
      { fn: '(garbage collector)', ms: 0.5 },
    ]);
  });
});
