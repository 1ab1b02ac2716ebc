import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { CDPSession } from 'playwright-core';

/** A V8 heap snapshot's flat arrays and the names of their fields (Chromium's .heapsnapshot format). */
export interface Snapshot {
  nodeFields: string[];
  nodeTypes: string[];
  edgeFields: string[];
  edgeTypes: string[];
  nodes: number[];
  edges: number[];
  strings: string[];
}

export async function takeSnapshot(cdp: CDPSession, file: string): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const out = createWriteStream(file);
  const onChunk = ({ chunk }: { chunk: string }) => out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  const json = JSON.parse(await readFile(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
    nodes: number[];
    edges: number[];
    strings: string[];
  };
  const { meta } = json.snapshot;
  return { nodeFields: meta.node_fields, nodeTypes: meta.node_types[0], edgeFields: meta.edge_fields, edgeTypes: meta.edge_types[0], nodes: json.nodes, edges: json.edges, strings: json.strings };
}
