/**
 * Where a back-office worker's CPU went in two windows of a fleet run: its first seconds (the
 * start-up burst) and a later, steady window. Reads the V8 CPU profiles that
 * `SHUBBAK_BENCH_CPU_PROF=<dir> npm run bench:fleet` has the server write (one per process) and the
 * load's start the fleet prints ("load started at N µs"), and prints, per window, the self time
 * by package and the functions with the most self time.
 *
 *   npx tsx bench/fleet/profileWindows.ts <load start µs> <profile>... [--windows 0-10,30-40] [--top 25]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** What a frame belongs to: a package of node_modules, Node itself, V8's pseudo-frames, or the product's own code. */
function packageOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return url;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const own = /\/(backoffice\/src|src)\/([^/]+)/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${basename(url)}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

function top(map: Map<string, number>, n: number, totalUs: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${key}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const at = args.indexOf(name);
    if (at < 0) return fallback;
    const [value] = args.splice(at, 2).slice(1);
    return value ?? fallback;
  };
  const windows = option('--windows', '0-10,30-40')
    .split(',')
    .map((w) => w.split('-').map(Number) as [number, number]);
  const topN = Number(option('--top', '25'));
  const packagesN = Number(option('--packages', '15'));
  // --inclusive a,b: time in (and under) the frames whose name or file contains a or b, per window.
  const inclusive = option('--inclusive', '').split(',').filter(Boolean);
  const [startText, ...files] = args;
  const loadStartUs = Number(startText);
  if (!Number.isFinite(loadStartUs) || files.length === 0) throw new Error('usage: profileWindows.ts <load start µs> <profile>... [--windows 0-10,30-40] [--top 25]');
  const framesOf: Map<string, number>[] = [];
  for (const [from, to] of windows) {
    const byPackage = new Map<string, number>();
    const byFrame = new Map<string, number>();
    let totalUs = 0;
    let busyUs = 0;
    const under = new Map<string, number>();
    for (const file of files) {
      const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
      const parents = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
      let at = profile.startTime;
      profile.samples.forEach((id, i) => {
        at += profile.timeDeltas[i] ?? 0;
        const second = (at - loadStartUs) / 1e6;
        if (second < from || second >= to) return;
        // A sample stands for the time until the next one.
        const us = profile.timeDeltas[i + 1] ?? 0;
        const node = nodes.get(id)!;
        const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
        totalUs += us;
        if (pkg !== '(idle)') busyUs += us;
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
        byFrame.set(`${frameName(node)} [${pkg}]`, (byFrame.get(`${frameName(node)} [${pkg}]`) ?? 0) + us);
        const hit = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
          const frame = `${frameName(nodes.get(at)!)} ${nodes.get(at)!.callFrame.url}`;
          for (const pattern of inclusive) if (frame.includes(pattern)) hit.add(pattern);
        }
        for (const pattern of hit) under.set(pattern, (under.get(pattern) ?? 0) + us);
      });
    }
    console.log(`\n== seconds ${from} to ${to} of the load, ${files.length} profile(s): ${(busyUs / 1000).toFixed(0)} ms busy of ${(totalUs / 1000).toFixed(0)} ms sampled`);
    console.log('self time by package:');
    console.log(top(byPackage, packagesN, totalUs).join('\n'));
    if (inclusive.length > 0) {
      console.log('inclusive time:');
      console.log(inclusive.map((pattern) => `  ${((under.get(pattern) ?? 0) / 1000).toFixed(0).padStart(7)} ms  ${pattern}`).join('\n'));
    }
    console.log('functions with the most self time:');
    console.log(top(byFrame, topN, totalUs).join('\n'));
    framesOf.push(byFrame);
  }
  const [first, second] = framesOf;
  if (first && second) {
    // What the first window spends and the second does not (or less): cold code, one-off work.
    const more = new Map([...first].map(([frame, us]) => [frame, us - (second.get(frame) ?? 0)]));
    console.log(`\nfunctions with more self time in the first window than in the second (${windows[0]!.join('-')} minus ${windows[1]!.join('-')}):`);
    console.log(top(more, topN, 1).map((line) => line.replace(/ +[\d.]+%/, '')).join('\n'));
  }
}

main();
