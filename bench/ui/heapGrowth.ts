import type { CDPSession, Page } from 'playwright-core';
import { outboxHasPending, waitFor } from '../../tests/e2e/harness';
import { leastSquares, round } from '../stats';
import { citizenSession, type FlowCounter } from './flow';
import { heapSpaces } from './heapSpaces';

/**
 * bench:ui's heap phase: what citizen sessions keep in the page's JS heap. After a warm-up, the
 * heap is read at checkpoints every `every` sessions (outbox drained, forced GCs, Chromium's
 * memory dump by V8 space) and the growth per session is the least-squares slope over all
 * checkpoints, with its standard error. The headline counts the spaces that hold JavaScript
 * objects (old, new and large-object spaces); V8's compiled code (code and trusted spaces:
 * machine code, bytecode, relocation and deoptimisation data) is reported apart, because it grows
 * while the optimising compilers finish the flow's hot functions and then stops, near session 800
 * (docs/performance.md, "Is V8's code growth bounded?"; bench/ui/heapCode.ts splits it by function
 * in heap snapshots), and would otherwise make the figure measure how far
 * V8 got rather than what sessions keep. A code leak (functions made per session) would still show
 * in the objects: each new function brings its closure, SharedFunctionInfo and Script there.
 */
export interface HeapGrowthOptions {
  warmupSessions: number;
  sessions: number;
  every: number;
  /** Bench-only: bytes the page keeps per session (a string in a window array), to show the figure can fail. */
  leakBytes: number;
  /** The window measured before 3 December 2026 (sessions 100 → 300), read during the warm-up. */
  earlyWindowStart: number;
}

/** Spaces of V8's compiled code; every other space holds the page's objects. */
export const CODE_SPACES = new Set(['code_space', 'code_large_object_space', 'trusted_space', 'trusted_large_object_space', 'shared_trusted_space', 'shared_trusted_large_object_space']);

export interface HeapCheckpoint {
  sessions: number;
  objectsMB: number;
  codeMB: number;
}

const MB = 2 ** 20;

async function keepForBench(page: Page, bytes: number): Promise<void> {
  if (bytes <= 0) return;
  await page.evaluate((size) => {
    const holder = window as unknown as { __benchHeapLeak?: number[][] };
    // Unboxed doubles: 8 bytes each in one FixedDoubleArray, plus a few dozen bytes of headers.
    (holder.__benchHeapLeak ??= []).push(Array.from({ length: Math.ceil(size / 8) }, (_, i) => i + 0.5));
  }, bytes);
}

/**
 * Forced GCs before the first checkpoint: V8 flushes the bytecode (and feedback) of functions that
 * did not run for several GCs, such as the boot's, and the checkpoints' own GCs would otherwise do
 * it during the first checkpoints and tilt the slope down (seen at 3 December 2026's first runs).
 */
const SETTLING_GCS = 8;

export async function measureHeapGrowth(page: Page, cdp: CDPSession, counter: FlowCounter, options: HeapGrowthOptions) {
  const usedAfterGc = async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  let sessions = 0;
  const session = async (sequence: number) => {
    await citizenSession(page, counter, sequence);
    await keepForBench(page, options.leakBytes);
    sessions += 1;
  };
  const checkpoints: HeapCheckpoint[] = [];
  const checkpoint = async () => {
    // A request still on its way holds its data in the page (the drain's read): measure between citizens.
    await waitFor(async () => !(await outboxHasPending(page)), { timeoutMs: 60_000, description: 'the outbox drained before a heap checkpoint' });
    await usedAfterGc();
    const { bytes } = await heapSpaces(cdp);
    let objects = 0;
    let code = 0;
    for (const [space, size] of Object.entries(bytes)) {
      if (CODE_SPACES.has(space)) code += size;
      else objects += size;
    }
    checkpoints.push({ sessions, objectsMB: round(objects / MB, 3), codeMB: round(code / MB, 3) });
  };

  const heapStart = await usedAfterGc();
  const earlyWindow: number[] = [];
  const earlyEnd = options.earlyWindowStart + 200;
  for (let i = 0; i < options.warmupSessions; i++) {
    if (i === options.earlyWindowStart || i === earlyEnd) earlyWindow.push(await usedAfterGc());
    await session(500_000 + i);
  }
  const heapBefore = await usedAfterGc();
  if (earlyWindow.length === 1 && options.warmupSessions === earlyEnd) earlyWindow.push(heapBefore);
  for (let i = 0; i < SETTLING_GCS; i++) await cdp.send('HeapProfiler.collectGarbage');
  await checkpoint();
  for (let i = 0; i < options.sessions; i++) {
    await session(1_000 + i);
    if ((i + 1) % options.every === 0 || i + 1 === options.sessions) await checkpoint();
  }
  const perThousand = (pick: (c: HeapCheckpoint) => number) => {
    const fit = leastSquares(checkpoints.map((c) => ({ x: c.sessions, y: pick(c) })));
    return { slope: round(fit.slope * 1000), stdErr: round(fit.slopeStdErr * 1000) };
  };
  const objects = perThousand((c) => c.objectsMB);
  const code = perThousand((c) => c.codeMB);
  const total = perThousand((c) => c.objectsMB + c.codeMB);
  return {
    warmupSessions: options.warmupSessions,
    sessions: options.sessions,
    heapCheckpointEvery: options.every,
    heapLeakBytesPerSession: options.leakBytes,
    heapWarmupMB: round((heapBefore - heapStart) / MB),
    heapGrowthMBPer1000Sessions: objects.slope,
    heapGrowthStdErr: objects.stdErr,
    heapCodeGrowthMBPer1000Sessions: code.slope,
    heapCodeGrowthStdErr: code.stdErr,
    heapTotalGrowthMBPer1000Sessions: total.slope,
    heapTotalGrowthStdErr: total.stdErr,
    heapCheckpoints: checkpoints,
    heapGrowthMBPer1000SessionsAfter100: earlyWindow.length === 2 ? round(((earlyWindow[1]! - earlyWindow[0]!) / MB / 200) * 1000) : null,
  };
}

/**
 * BENCH_WARMUP_SESSIONS (300), BENCH_SESSIONS (300: the measured window), BENCH_HEAP_EVERY (50: sessions between
 * checkpoints), BENCH_HEAP_LEAK_BYTES (0: bench-only bytes kept per session, to see the figure fail).
 */
export function heapGrowthOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HeapGrowthOptions {
  return {
    warmupSessions: Number(env.BENCH_WARMUP_SESSIONS ?? 300),
    sessions: Number(env.BENCH_SESSIONS ?? 300),
    every: Number(env.BENCH_HEAP_EVERY ?? 50),
    leakBytes: Number(env.BENCH_HEAP_LEAK_BYTES ?? 0),
    earlyWindowStart: 100,
  };
}
