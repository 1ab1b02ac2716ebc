/**
 * V8's compiled code in a heap snapshot, by tier and by the function it belongs to (used by
 * bench/ui/heapCode.ts). A SharedFunctionInfo is one function literal V8 compiled; those of scripts
 * without a URL come from `eval` or `new Function`. Code is attributed by walking owning retainers
 * up to a SharedFunctionInfo (Code ← JSFunction.shared, ← SharedFunctionInfo.trusted_function_data).
 */
import { basename } from 'node:path';
import type { Snapshot } from './heapSnapshotFile';

const SFI = 'system / SharedFunctionInfo';
const SCRIPT = 'system / Script';
/** Classes of the code and trusted spaces (bench/ui/heapGrowth.ts's "code"), as the snapshot names them. */
const COMPILED = new Set(['system / InstructionStream', 'system / Code', 'system / BytecodeArray', 'system / TrustedByteArray', 'system / ProtectedFixedArray', 'system / TrustedWeakFixedArray', 'system / TrustedFixedArray', 'system / BytecodeWrapper', 'system / CodeWrapper', '(constant pool)']);
type Tier = 'optimised' | 'baseline' | 'bytecode' | 'builtin' | 'other';
const TIERS: Tier[] = ['optimised', 'baseline', 'bytecode', 'builtin', 'other'];

interface Owned {
  label: string;
  bytes: Record<Tier, number>;
}

export interface CodeCensus {
  file: string;
  sfis: Map<number, string>;
  evalScripts: number;
  evalSfis: number;
  sfisByScript: Map<string, number>;
  codeObjects: Record<Tier, number>;
  bytes: Record<Tier, number>;
  unowned: number;
  byOwner: Map<number, Owned>;
}

const isCode = (className: string) => className === 'system / Code' || className.startsWith('system / Code / ');
const zero = (): Record<Tier, number> => ({ optimised: 0, baseline: 0, bytecode: 0, builtin: 0, other: 0 });
const at = (array: number[], position: number): number => array[position] as number;

export function censusOf(snap: Snapshot, file: string): CodeCensus {
  const stride = snap.nodeFields.length;
  const edgeStride = snap.edgeFields.length;
  const count = snap.nodes.length / stride;
  const [typeAt, nameAt, idAt, sizeAt, edgeCountAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => snap.nodeFields.indexOf(f)) as [number, number, number, number, number];
  const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((f) => snap.edgeFields.indexOf(f)) as [number, number, number];
  const firstEdge = new Int32Array(count + 1);
  for (let node = 0, edge = 0; node < count; node++) {
    firstEdge[node] = edge;
    edge += at(snap.nodes, node * stride + edgeCountAt) * edgeStride;
  }
  firstEdge[count] = snap.edges.length;
  const type = (node: number) => snap.nodeTypes[at(snap.nodes, node * stride + typeAt)] ?? '';
  const name = (node: number) => snap.strings[at(snap.nodes, node * stride + nameAt)] ?? '';
  const edgeType = (edge: number) => snap.edgeTypes[at(snap.edges, edge + edgeTypeAt)] ?? '';
  const edgeName = (edge: number) => (['element', 'hidden'].includes(edgeType(edge)) ? `${at(snap.edges, edge + edgeNameAt)}` : (snap.strings[at(snap.edges, edge + edgeNameAt)] ?? ''));
  const target = (edge: number) => at(snap.edges, edge + edgeToAt) / stride;
  const edgesOf = function* (node: number) {
    for (let edge = firstEdge[node] ?? 0; edge < (firstEdge[node + 1] ?? 0); edge += edgeStride) yield edge;
  };
  const child = (node: number, edgeLabel: string) => {
    for (const edge of edgesOf(node)) if (edgeName(edge) === edgeLabel) return target(edge);
    return undefined;
  };
  const isSfi = (node: number) => type(node) === 'code' && name(node).startsWith(SFI);
  const retainers: number[][] = Array.from({ length: count }, () => []);
  for (let node = 0; node < count; node++) {
    // Owning edges only: weak ones, and the constants compiled code embeds (other functions' bytecode, inlined), are not ownership.
    const embeds = ['system / InstructionStream', 'system / BytecodeArray', '(constant pool)'].includes(name(node));
    for (const edge of edgesOf(node)) {
      if (edgeType(edge) === 'weak' || (embeds && edgeType(edge) === 'hidden')) continue;
      retainers[target(edge)]?.push(node);
    }
  }
  const scriptName = (sfi: number) => {
    const script = child(sfi, 'script');
    if (script === undefined) return '(no script)';
    const full = name(script);
    return full.startsWith(`${SCRIPT} / `) ? full.slice(SCRIPT.length + 3) || '(eval)' : '(eval)';
  };
  const label = (sfi: number) => `${basename(scriptName(sfi)).replace(/-[\w-]{8}\.js$/, '.js')}: ${name(sfi).slice(SFI.length + 3) || '(anonymous)'}`;
  const tierOfCode = (code: number): Tier => {
    if (name(code).includes('(builtin)')) return 'builtin';
    if (child(code, 'deoptimization_data') !== undefined) return 'optimised';
    if (child(code, 'interpreter_data') !== undefined) return 'baseline';
    return 'other';
  };
  /** The SharedFunctionInfo a compiled object belongs to (breadth first up its owning retainers), and its tier. */
  const ownerOf = (start: number): { sfi?: number; tier: Tier } => {
    let tier: Tier | undefined = name(start) === 'system / BytecodeArray' ? 'bytecode' : undefined;
    const seen = new Set([start]);
    let frontier = [start];
    for (let depth = 0; depth < 6 && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const node of frontier) {
        if (tier === undefined && isCode(name(node))) tier = tierOfCode(node);
        if (isSfi(node)) return { sfi: node, tier: tier ?? 'other' };
        const shared = type(node) === 'closure' ? child(node, 'shared') : name(node) === 'system / FeedbackVector' ? child(node, '0') : undefined;
        if (shared !== undefined && isSfi(shared)) return { sfi: shared, tier: tier ?? 'other' };
        for (const from of retainers[node] ?? []) {
          if (seen.has(from)) continue;
          seen.add(from);
          next.push(from);
        }
      }
      frontier = next;
    }
    return { tier: tier ?? 'other' };
  };

  const census: CodeCensus = { file, sfis: new Map(), evalScripts: 0, evalSfis: 0, sfisByScript: new Map(), codeObjects: zero(), bytes: zero(), unowned: 0, byOwner: new Map() };
  for (let node = 0; node < count; node++) {
    if (type(node) !== 'code') continue;
    const nodeName = name(node);
    if (nodeName.startsWith(SCRIPT) && (nodeName === SCRIPT || nodeName === `${SCRIPT} / `)) census.evalScripts += 1;
    if (isSfi(node)) {
      census.sfis.set(at(snap.nodes, node * stride + idAt), label(node));
      const script = scriptName(node);
      census.sfisByScript.set(script, (census.sfisByScript.get(script) ?? 0) + 1);
      if (script === '(eval)') census.evalSfis += 1;
      continue;
    }
    const codeClass = isCode(nodeName) ? 'system / Code' : nodeName;
    if (!COMPILED.has(codeClass)) continue;
    const size = at(snap.nodes, node * stride + sizeAt);
    const { sfi, tier } = ownerOf(node);
    if (codeClass === 'system / Code') census.codeObjects[tier] += 1;
    census.bytes[tier] += size;
    if (sfi === undefined) {
      census.unowned += size;
      continue;
    }
    const id = at(snap.nodes, sfi * stride + idAt);
    const owned = census.byOwner.get(id) ?? { label: label(sfi), bytes: zero() };
    owned.bytes[tier] += size;
    census.byOwner.set(id, owned);
  }
  return census;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (bytes: Record<Tier, number>) => TIERS.reduce((total, tier) => total + bytes[tier], 0);
const tally = (labels: Iterable<string>) => {
  const counts = new Map<string, number>();
  for (const item of labels) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
};

export function printCensus(census: CodeCensus): void {
  const scripts = [...census.sfisByScript].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([script, n]) => `${basename(script)} ${n}`);
  console.log(`${census.file}: ${census.sfis.size} SharedFunctionInfos (${census.evalSfis} in ${census.evalScripts} scripts without a URL: eval / new Function); ${scripts.join(', ')}`);
  console.log(`  compiled code KB by tier: ${TIERS.map((tier) => `${tier} ${kb(census.bytes[tier])}`).join(', ')} (total ${kb(sum(census.bytes))}, no owner found ${kb(census.unowned)}); Code objects: ${TIERS.map((tier) => `${tier} ${census.codeObjects[tier]}`).join(', ')}`);
}

export function printComparison(first: CodeCensus, last: CodeCensus): void {
  const added = [...last.sfis].filter(([id]) => !first.sfis.has(id)).map(([, label]) => label);
  const gone = [...first.sfis].filter(([id]) => !last.sfis.has(id)).map(([, label]) => label);
  console.log(`\nSharedFunctionInfos ${first.file} → ${last.file}: ${first.sfis.size} → ${last.sfis.size}, ${added.length} new, ${gone.length} gone`);
  console.log(`  new: ${tally(added).slice(0, 15).map(([l, n]) => `${l} ×${n}`).join('; ') || 'none'}`);
  console.log(`  gone: ${tally(gone).slice(0, 15).map(([l, n]) => `${l} ×${n}`).join('; ') || 'none'}`);
  const rows = new Map<number, { label: string; before: Record<Tier, number>; after: Record<Tier, number> }>();
  for (const [id, owned] of first.byOwner) rows.set(id, { label: owned.label, before: owned.bytes, after: zero() });
  for (const [id, owned] of last.byOwner) rows.set(id, { label: owned.label, before: rows.get(id)?.before ?? zero(), after: owned.bytes });
  const deltas = [...rows].map(([id, row]) => ({ ...row, id, delta: sum(row.after) - sum(row.before) }));
  const grew = deltas.filter((row) => row.delta > 0);
  const shrank = deltas.filter((row) => row.delta < 0);
  const totalOf = (list: typeof deltas) => kb(list.reduce((total, row) => total + row.delta, 0));
  console.log(`\ncompiled code by owning function: ${grew.length} grew (+${totalOf(grew)} KB), ${shrank.length} shrank (${totalOf(shrank)} KB); of which functions with no code in the first: +${totalOf(deltas.filter((row) => !first.byOwner.has(row.id)))} KB, functions whose SharedFunctionInfo is new: +${totalOf(deltas.filter((row) => !first.sfis.has(row.id)))} KB`);
  const byScript = new Map<string, number>();
  for (const row of deltas) {
    const script = row.label.slice(0, row.label.indexOf(': '));
    byScript.set(script, (byScript.get(script) ?? 0) + row.delta);
  }
  console.log(`  by script (KB): ${[...byScript].filter(([, delta]) => delta !== 0).sort((a, b) => b[1] - a[1]).map(([script, delta]) => `${script} ${kb(delta)}`).join(', ')}`);
  const gained = (row: (typeof deltas)[number]) => TIERS.filter((tier) => row.after[tier] !== row.before[tier]).map((tier) => `${tier} ${kb(row.before[tier])}→${kb(row.after[tier])}`).join(', ');
  for (const row of grew.sort((a, b) => b.delta - a.delta).slice(0, 25)) console.log(`  +${kb(row.delta)} KB ${row.label} (${gained(row)})`);
  console.log('  largest falls:');
  for (const row of shrank.sort((a, b) => a.delta - b.delta).slice(0, 8)) console.log(`  ${kb(row.delta)} KB ${row.label} (${gained(row)})`);
}
