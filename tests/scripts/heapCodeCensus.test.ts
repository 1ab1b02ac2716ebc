import { afterEach, describe, expect, it, vi } from 'vitest';
import { censusOf, printComparison } from '../../bench/ui/heapCodeCensus';
import type { Snapshot } from '../../bench/ui/heapSnapshotFile';

/** A heap snapshot built by hand, in the format Chromium writes (node and edge fields as V8's). */
function snapshotOf(build: (add: (type: string, name: string, id: number, size: number) => number, link: (from: number, type: string, name: string | number, to: number) => void) => void): Snapshot {
  const nodeTypes = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic'];
  const edgeTypes = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];
  const strings: string[] = [];
  const text = (value: string) => (strings.includes(value) ? strings.indexOf(value) : strings.push(value) - 1);
  const nodes: Array<{ type: number; name: number; id: number; size: number; edges: Array<[number, number, number]> }> = [];
  build(
    (type, name, id, size) => nodes.push({ type: nodeTypes.indexOf(type), name: text(name), id, size, edges: [] }) - 1,
    (from, type, name, to) => nodes[from]?.edges.push([edgeTypes.indexOf(type), typeof name === 'number' ? name : text(name), to]),
  );
  return {
    nodeFields: ['type', 'name', 'id', 'self_size', 'edge_count', 'detachedness'],
    nodeTypes,
    edgeFields: ['type', 'name_or_index', 'to_node'],
    edgeTypes,
    nodes: nodes.flatMap((node) => [node.type, node.name, node.id, node.size, node.edges.length, 0]),
    edges: nodes.flatMap((node) => node.edges.flatMap(([type, name, to]) => [type, name, to * 6])),
    strings,
  };
}

/** A page with `submit` optimised (its machine code embeds `helper`'s bytecode), `helper` at the baseline tier, and one `eval`ed function; `perSession` adds a function made by `new Function`. */
function page(perSession: boolean): Snapshot {
  return snapshotOf((add, link) => {
    const root = add('synthetic', '(GC roots)', 1, 0);
    const script = add('code', 'system / Script / http://127.0.0.1:5173/assets/app-AbCd1234.js', 3, 80);
    const evalScript = add('code', 'system / Script / ', 5, 80);
    const submit = add('code', 'system / SharedFunctionInfo / submit', 7, 48);
    const helper = add('code', 'system / SharedFunctionInfo / helper', 9, 48);
    const evaluated = add('code', 'system / SharedFunctionInfo / anonymous', 11, 48);
    const closure = add('closure', 'submit', 13, 32);
    const optimised = add('code', 'system / Code', 15, 72);
    const machineCode = add('code', 'system / InstructionStream', 17, 1000);
    const deoptData = add('code', 'system / ProtectedFixedArray', 19, 50);
    const relocation = add('code', 'system / TrustedByteArray', 21, 30);
    const submitBytecode = add('code', 'system / BytecodeArray', 23, 100);
    const baseline = add('code', 'system / Code', 25, 72);
    const baselineCode = add('code', 'system / InstructionStream', 27, 200);
    const helperBytecode = add('code', 'system / BytecodeArray', 29, 40);
    for (const sfi of [submit, helper]) link(sfi, 'internal', 'script', script);
    link(evaluated, 'internal', 'script', evalScript);
    link(root, 'element', 1, closure);
    link(root, 'element', 2, helper);
    link(root, 'element', 3, evaluated);
    link(closure, 'internal', 'shared', submit);
    link(closure, 'internal', 'code', optimised);
    link(optimised, 'internal', 'instruction_stream', machineCode);
    link(optimised, 'internal', 'deoptimization_data', deoptData);
    link(machineCode, 'internal', 'code', optimised);
    link(machineCode, 'internal', 'relocation_info', relocation);
    link(machineCode, 'hidden', 0, helperBytecode);
    link(submit, 'internal', 'trusted_function_data', submitBytecode);
    link(helper, 'internal', 'trusted_function_data', baseline);
    link(baseline, 'internal', 'instruction_stream', baselineCode);
    link(baseline, 'internal', 'interpreter_data', helperBytecode);
    if (perSession) {
      const made = add('code', 'system / SharedFunctionInfo / anonymous', 31, 48);
      const madeBytecode = add('code', 'system / BytecodeArray', 33, 64);
      link(made, 'internal', 'script', evalScript);
      link(made, 'internal', 'trusted_function_data', madeBytecode);
      link(root, 'element', 4, made);
    }
  });
}

describe('V8’s compiled code counted by the function it belongs to', () => {
  afterEach(() => vi.restoreAllMocks());

  it('counts the functions, and those of scripts without a URL apart', () => {
    const census = censusOf(page(false), 'a');
    expect([...census.sfis.values()]).toEqual(['app.js: submit', 'app.js: helper', '(eval): anonymous']);
    expect(census).toMatchObject({ evalScripts: 1, evalSfis: 1 });
  });

  it('gives machine code, relocation and deoptimisation data to the function whose Code holds them, by tier', () => {
    const census = censusOf(page(false), 'a');
    expect(census.byOwner.get(7)?.bytes).toEqual({ optimised: 72 + 1000 + 50 + 30, baseline: 0, bytecode: 100, builtin: 0, other: 0 });
    expect(census.codeObjects).toMatchObject({ optimised: 1, baseline: 1 });
  });

  it('gives bytecode that another function’s optimised code embeds to the function it belongs to', () => {
    const census = censusOf(page(false), 'a');
    expect(census.byOwner.get(9)?.bytes).toEqual({ optimised: 0, baseline: 72 + 200, bytecode: 40, builtin: 0, other: 0 });
    expect(census.unowned).toBe(0);
  });

  it('reports a function made between two snapshots as new, with its code', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    printComparison(censusOf(page(false), 'a'), censusOf(page(true), 'b'));
    expect(lines.join('\n')).toContain('3 → 4, 1 new, 0 gone');
    expect(lines.join('\n')).toContain('new: (eval): anonymous ×1');
    expect(lines.join('\n')).toContain('functions whose SharedFunctionInfo is new: +0.1 KB');
  });
});
