/**
 * `npx tsx bench/ui/compareColdStarts.ts <label>=<built kiosk dir> … [--rounds N]`: `bench:ui`'s cold
 * start (bench/ui/coldStart.ts: fresh browser and profile, navigation → the attract screen's
 * `start` button) of several kiosk builds and of the blank React page (bench/ui/blank, built
 * here), each served like `bench:ui` serves them, booted in turn in a rotating order so that every
 * build meets the same machine load. Prints one JSON line: each build's median, its runs and its
 * ratio to the blank page's median (`coldStartVsBlank` as `bench:ui` computes it).
 */
import { startKioskServer as startStaticServer } from '../../scripts/kioskServer';
import { tempDir } from '../../tests/e2e/harness';
import { median, round } from '../stats';
import { buildBlankPage } from './blankPage';
import { coldStartMs } from './coldStart';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const builds = args.filter((arg, index) => arg.includes('=') && index !== roundsAt + 1).map((arg) => arg.split('=') as [string, string]);
if (builds.length === 0) throw new Error('usage: compareColdStarts.ts <label>=<built kiosk dir> … [--rounds N]');

const blankDir = await tempDir('bench-cold-blank');
await buildBlankPage(blankDir);
// As bench:ui's boot server: a back office configured (none answers: first boots do not reach it).
const config = { backofficeUrl: 'http://127.0.0.1:9' };
const contenders = [
  { label: 'blank', server: await startStaticServer({ distDir: blankDir, config: {}, port: 0 }), times: [] as number[] },
  ...(await Promise.all(builds.map(async ([label, dir]) => ({ label, server: await startStaticServer({ distDir: dir, config, port: 0 }), times: [] as number[] })))),
];
try {
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const contender = contenders[(round + turn) % contenders.length]!;
      contender.times.push(await coldStartMs(contender.server.url));
    }
  }
  const blankMedian = median(contenders[0]!.times);
  console.log(
    JSON.stringify(
      Object.fromEntries(
        contenders.map(({ label, times }) => [label, { medianMs: round(median(times), 1), vsBlank: round(median(times) / blankMedian, 2), runsMs: times.map((ms) => round(ms, 1)) }]),
      ),
    ),
  );
} finally {
  for (const { server } of contenders) await server.close();
}
