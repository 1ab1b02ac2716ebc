/**
 * `npx tsx bench/ui/heapSnapshots.ts` (after `npx vite build`): what does a citizen session leave
 * in the JS heap? Drives the benchmark's sessions (bench/ui/flow.ts) on an enrolled kiosk, served
 * like `npm run bench:ui` serves it, and takes a heap snapshot through CDP after forced GCs: after
 * the warm-up, then after each batch. Prints, per class (V8 node type + constructor name), the
 * objects that grew in number between the first and the last snapshot, and the retainer paths of
 * a sample of the new ones. A leak grows by the same count each batch.
 * HEAP_WARMUP (default 100), HEAP_BATCHES (default 2) × HEAP_BATCH_SESSIONS (default 100);
 * HEAP_SNAPSHOT_DIR keeps the .heapsnapshot files (default: a private temporary folder).
 * HEAP_PRELUDE=bench first does what `npm run bench:ui` does before its heap window (the Event Timing
 * observer, 1 + 5 sessions, 5 sessions at 4× CPU throttling, the observer stopped, one residence
 * session with the MRZ wedge and the street picker), so that window is reproduced, not only the flow.
 * `npx tsx bench/ui/heapSnapshots.ts a.heapsnapshot b.heapsnapshot [...]` compares saved snapshots.
 * Each snapshot's line also gives the objects and V8's code (MB) as bench:ui's heap phase reads them;
 * `npx tsx bench/ui/heapCode.ts` splits the code by function in saved snapshots.
 */
import { join } from 'node:path';
import { freePort, launchKiosk, metaValue, startKioskServer, tempDir, waitFor } from '../../tests/e2e/harness';
import { INSTALL_EVENT_TIMING } from './eventTiming';
import { citizenSession, type FlowCounter } from './flow';
import { startBenchBackoffice, replayBenchUiPrelude } from './benchKiosk';
import { CODE_SPACES } from './heapGrowth';
import { heapSpaces } from './heapSpaces';
import { loadSnapshot, takeSnapshot, type Snapshot } from './heapSnapshotFile';

const WARMUP = Number(process.env.HEAP_WARMUP ?? 100);
const BATCHES = Number(process.env.HEAP_BATCHES ?? 2);
const BATCH_SESSIONS = Number(process.env.HEAP_BATCH_SESSIONS ?? 100);
const BENCH_PRELUDE = process.env.HEAP_PRELUDE === 'bench';

interface Indexed {
  snap: Snapshot;
  stride: number;
  count: number;
  className(node: number): string;
  id(node: number): number;
  selfSize(node: number): number;
  /** Retainers of each node: [fromNode, edge index] pairs. */
  retainers: Array<Array<[number, number]>>;
  edgeLabel(edge: number): string;
}

/** The snapshot's flat arrays, read where the format guarantees a value. */
const at = <T,>(array: T[], position: number): T => array[position] as T;

function index(snap: Snapshot): Indexed {
  const stride = snap.nodeFields.length;
  const typeAt = snap.nodeFields.indexOf('type');
  const nameAt = snap.nodeFields.indexOf('name');
  const idAt = snap.nodeFields.indexOf('id');
  const sizeAt = snap.nodeFields.indexOf('self_size');
  const edgeCountAt = snap.nodeFields.indexOf('edge_count');
  const edgeStride = snap.edgeFields.length;
  const edgeTypeAt = snap.edgeFields.indexOf('type');
  const edgeNameAt = snap.edgeFields.indexOf('name_or_index');
  const edgeToAt = snap.edgeFields.indexOf('to_node');
  const count = snap.nodes.length / stride;
  const retainers: Array<Array<[number, number]>> = Array.from({ length: count }, () => []);
  let edge = 0;
  for (let node = 0; node < count; node++) {
    const edges = at(snap.nodes, node * stride + edgeCountAt);
    for (let e = 0; e < edges; e++, edge += edgeStride) at(retainers, at(snap.edges, edge + edgeToAt) / stride).push([node, edge]);
  }
  const className = (node: number) => {
    const type = at(snap.nodeTypes, at(snap.nodes, node * stride + typeAt));
    const name = at(snap.strings, at(snap.nodes, node * stride + nameAt));
    if (type === 'object' || type === 'native' || type === 'hidden' || type === 'code') return `${type}:${name.slice(0, 60)}`;
    return `(${type})`;
  };
  const edgeLabel = (e: number) => {
    const type = at(snap.edgeTypes, at(snap.edges, e + edgeTypeAt));
    const raw = at(snap.edges, e + edgeNameAt);
    const name = type === 'element' || type === 'hidden' ? `[${raw}]` : at(snap.strings, raw);
    return `${type}:${name.slice(0, 40)}`;
  };
  return { snap, stride, count, className, id: (node) => at(snap.nodes, node * stride + idAt), selfSize: (node) => at(snap.nodes, node * stride + sizeAt), retainers, edgeLabel };
}

function countByClass(ix: Indexed): Map<string, { count: number; size: number }> {
  const byClass = new Map<string, { count: number; size: number }>();
  for (let node = 0; node < ix.count; node++) {
    const key = ix.className(node);
    const entry = byClass.get(key) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += ix.selfSize(node);
    byClass.set(key, entry);
  }
  return byClass;
}

/** One retainer path from a node up towards a root, skipping weak edges, preferring non-internal ones. */
function retainerPath(ix: Indexed, start: number, depth = 12): string {
  const parts: string[] = [];
  const seen = new Set<number>([start]);
  let node = start;
  for (let step = 0; step < depth; step++) {
    const candidates = at(ix.retainers, node).filter(([from, e]) => !seen.has(from) && !ix.edgeLabel(e).startsWith('weak'));
    if (candidates.length === 0) break;
    const [from, e] = candidates.find(([, edge]) => !ix.edgeLabel(edge).startsWith('internal')) ?? (candidates[0] as [number, number]);
    parts.push(`${ix.edgeLabel(e)} ← ${ix.className(from)}`);
    seen.add(from);
    node = from;
  }
  return parts.join(' ← ');
}

async function compare(files: string[]): Promise<void> {
  const counts: Array<Map<string, { count: number; size: number }>> = [];
  let first: Indexed | undefined;
  let last: Indexed | undefined;
  for (const [i, file] of files.entries()) {
    const ix = index(await loadSnapshot(file));
    counts.push(countByClass(ix));
    if (i === 0) first = ix;
    if (i === files.length - 1) last = ix;
    let total = 0;
    for (let node = 0; node < ix.count; node++) total += ix.selfSize(node);
    console.log(`${file}: ${ix.count} nodes, ${(total / 2 ** 20).toFixed(3)} MB self size`);
  }
  if (!first || !last) return;
  const firstCounts = counts[0] ?? new Map<string, { count: number; size: number }>();
  const lastCounts = counts[counts.length - 1] ?? firstCounts;
  const grown = [...lastCounts.entries()]
    .map(([key, value]) => ({ key, delta: value.count - (firstCounts.get(key)?.count ?? 0), sizeDelta: value.size - (firstCounts.get(key)?.size ?? 0) }))
    .filter((row) => row.delta !== 0 || Math.abs(row.sizeDelta) > 4096)
    .sort((a, b) => b.sizeDelta - a.sizeDelta);
  console.log('\nclass: count per snapshot | self size delta first→last (bytes)');
  for (const row of grown.slice(0, 40)) console.log(`${row.key}: ${counts.map((c) => c.get(row.key)?.count ?? 0).join(' → ')} | ${row.sizeDelta}`);

  // New nodes (ids above the first snapshot's highest id) of the classes that grew in number.
  let maxId = 0;
  for (let node = 0; node < first.count; node++) maxId = Math.max(maxId, first.id(node));
  const sampleByClass = new Map<string, number[]>();
  for (let node = 0; node < last.count; node++) {
    if (last.id(node) <= maxId) continue;
    const key = last.className(node);
    const sample = sampleByClass.get(key) ?? [];
    sample.push(node);
    sampleByClass.set(key, sample);
  }
  console.log('\nnew objects since the first snapshot, by class, with a retainer path of two of them:');
  const newest = [...sampleByClass.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 25);
  for (const [key, nodes] of newest) {
    console.log(`\n${key}: ${nodes.length} new`);
    for (const node of [nodes[0] ?? 0, nodes[Math.floor(nodes.length / 2)] ?? 0]) console.log(`  ${retainerPath(last, node)}`);
  }
}

async function drive(): Promise<string[]> {
  const outDir = process.env.HEAP_SNAPSHOT_DIR ?? (await tempDir('heap-snapshots'));
  const { backoffice, demoEnrolment } = await startBenchBackoffice('heap-snapshots-backoffice');
  const server = await startKioskServer({ backofficeUrl: backoffice.url, ...demoEnrolment, port: await freePort() });
  const kiosk = await launchKiosk({ url: 'about:blank', profileDir: await tempDir('heap-snapshots-profile') });
  const files: string[] = [];
  try {
    const { page } = kiosk;
    if (BENCH_PRELUDE) await page.addInitScript(INSTALL_EVENT_TIMING);
    await page.goto(server.url);
    await waitFor(() => metaValue(page, 'deviceId'), { timeoutMs: 60_000, description: 'enrolment' });
    const cdp = await kiosk.context.newCDPSession(page);
    const counter: FlowCounter = { taps: 0 };
    let sessions = 0;
    const run = async (count: number) => {
      for (let i = 0; i < count; i++) await citizenSession(page, counter, 1_000 + sessions++);
    };
    const snap = async () => {
      const file = join(outDir, `after-${sessions}.heapsnapshot`);
      await takeSnapshot(cdp, file);
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      // The spaces as bench:ui's heap phase reads them (bench/ui/heapGrowth.ts): objects apart from V8's code.
      let objects = 0;
      let code = 0;
      for (const [space, size] of Object.entries((await heapSpaces(cdp)).bytes)) {
        if (CODE_SPACES.has(space)) code += size;
        else objects += size;
      }
      const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(3);
      console.error(`${new Date().toISOString()} after ${sessions} sessions: heap ${mb(usedSize)} MB (objects ${mb(objects)}, code ${mb(code)}), ${file}`);
      files.push(file);
    };
    if (BENCH_PRELUDE) {
      // bench/ui.ts's order: sessions 0 to 5, five throttled ones, the observer stopped, a residence session.
      await replayBenchUiPrelude(page, cdp, counter);
    }
    await run(WARMUP);
    await snap();
    for (let batch = 0; batch < BATCHES; batch++) {
      await run(BATCH_SESSIONS);
      await snap();
    }
  } finally {
    await kiosk.close();
    await server.close();
    await backoffice.close();
  }
  return files;
}

async function main(): Promise<void> {
  const given = process.argv.slice(2);
  await compare(given.length > 0 ? given : await drive());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
