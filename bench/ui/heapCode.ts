/**
 * `npx tsx bench/ui/heapCode.ts a.heapsnapshot b.heapsnapshot [...]` (snapshots saved by
 * bench/ui/heapSnapshots.ts with HEAP_SNAPSHOT_DIR): what V8's compiled code is made of, and
 * whether it grows by new functions or by more code for the same ones. Per snapshot: the
 * SharedFunctionInfos (one per function literal V8 compiled; those of scripts without a URL come
 * from `eval` or `new Function`), and the compiled code (machine code, bytecode, relocation and
 * deoptimisation data) by tier and by the function it belongs to, found by walking retainers up to
 * a SharedFunctionInfo (Code ← JSFunction.shared, ← SharedFunctionInfo.trusted_function_data).
 * Between the first and the last snapshot: SharedFunctionInfos new and gone (by the snapshot's
 * object ids, stable within one page), and the functions whose code grew most.
 */
import { basename } from 'node:path';
import { censusOf, printCensus, printComparison, type CodeCensus } from './heapCodeCensus';
import { loadSnapshot } from './heapSnapshotFile';

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('usage: npx tsx bench/ui/heapCode.ts first.heapsnapshot [...] last.heapsnapshot');
  const censuses: CodeCensus[] = [];
  for (const file of files) {
    const census = censusOf(await loadSnapshot(file), basename(file));
    printCensus(census);
    censuses.push(census);
  }
  const [first, last] = [censuses[0], censuses[censuses.length - 1]];
  if (first && last && first !== last) printComparison(first, last);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
