/** The subset of a CDP `Profiler.Profile` the self-time table reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  /** `name (file:line)`, the file's last path segment only. */
  fn: string;
  ms: number;
}

/**
 * Self time per function of a sampled CPU profile: each sample's interval (the next sample's
 * `timeDelta`, in µs) goes to the function on top of the stack, summed over every place the
 * function was called from. Idle time is left out; `(program)` and `(garbage collector)` stay,
 * they are work too.
 */
export function selfTimeByFunction(profile: CpuProfile, top = 20): SelfTime[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  for (let index = 0; index < samples.length; index++) {
    const node = nodeById.get(samples[index]!);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    const file = url.split('/').pop() ?? '';
    const key = file ? `${functionName || '(anonymous)'} (${file}:${lineNumber + 1})` : functionName || '(anonymous)';
    // A sample's duration is the gap to the next one; the last sample has none and counts nothing.
    totals.set(key, (totals.get(key) ?? 0) + (deltas[index + 1] ?? 0));
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, micros]) => ({ fn, ms: Math.round(micros / 100) / 10 }));
}
