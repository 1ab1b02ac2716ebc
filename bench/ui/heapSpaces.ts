import type { CDPSession } from 'playwright-core';

/**
 * The page's V8 heap by space, from a Chromium memory dump (CDP `Tracing.requestMemoryDump`, the
 * memory-infra data of chrome://tracing): bytes of live objects in each space of the renderer's
 * main isolate, after the dump's own forced GC. `Runtime.getHeapUsage` gives only the total.
 */
export interface HeapSpaces {
  /** Space name (`old_space`, `code_space`, `trusted_space`, ...) → allocated object bytes. */
  bytes: Record<string, number>;
  /** How many renderer processes had a V8 heap: the page's is taken as the largest. */
  renderers: number;
}

interface TraceEvent {
  ph: string;
  name?: string;
  pid: number;
  args?: { name?: string; dumps?: { allocators?: Record<string, { attrs?: Record<string, { value: string }> }> } };
}

export async function heapSpaces(cdp: CDPSession): Promise<HeapSpaces> {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: TraceEvent[] }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData as never);
  try {
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['disabled-by-default-memory-infra', '__metadata'], excludedCategories: ['*'], memoryDumpConfig: { triggers: [] } } as never,
    });
    const { success } = await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' } as never) as { success: boolean };
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    if (!success) throw new Error('Chromium did not take the memory dump');
  } finally {
    cdp.off('Tracing.dataCollected', onData as never);
  }
  const renderers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Renderer').map((e) => e.pid));
  const byPid = new Map<number, Record<string, number>>();
  const prefix = 'v8/main/heap/';
  for (const event of events) {
    if (!renderers.has(event.pid)) continue;
    for (const [name, allocator] of Object.entries(event.args?.dumps?.allocators ?? {})) {
      const size = allocator.attrs?.allocated_objects_size;
      if (!name.startsWith(prefix) || !size || name.slice(prefix.length).includes('/')) continue;
      const spaces = byPid.get(event.pid) ?? {};
      spaces[name.slice(prefix.length)] = parseInt(size.value, 16);
      byPid.set(event.pid, spaces);
    }
  }
  const total = (spaces: Record<string, number>) => Object.values(spaces).reduce((sum, bytes) => sum + bytes, 0);
  const largest = [...byPid.values()].sort((a, b) => total(b) - total(a))[0];
  if (!largest) throw new Error('the memory dump holds no renderer V8 heap');
  return { bytes: largest, renderers: byPid.size };
}
