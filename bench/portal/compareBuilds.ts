/**
 * `npx tsx bench/portal/compareBuilds.ts <label>=<dist-portal dir> <label>=<dir> … [--rounds N]`:
 * throttled first visits of several portal builds, each served by the back office's own portal
 * serving on its own port, taken in turn (a blank page, then each build, in a rotating order) so
 * that every build meets the same machine load. Prints each one's median and its ratio to the
 * blank page and to the first build. For comparing a change with the build before it on a busy machine.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { registerPortalPages } from '../../backoffice/src/http/portalPages';
import { firstVisit } from './emulation';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const builds = args.filter((arg, index) => arg.includes('=') && index !== roundsAt + 1).map((arg) => arg.split('=') as [string, string]);
if (builds.length === 0) throw new Error('usage: compareBuilds.ts <label>=<dist-portal dir> … [--rounds N]');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const servers = await Promise.all(
  builds.map(async ([label, dir]) => {
    const app = Fastify();
    registerPortalPages(app, resolve(dir));
    app.get('/blank', async (_request, reply) => reply.type('text/html').send('<!doctype html><title>blank</title><p>blank</p>'));
    return { label, app, origin: await app.listen({ port: 0, host: '127.0.0.1' }), times: [] as number[] };
  }),
);
const blank: number[] = [];
const started = performance.now();
try {
  for (let round = 0; round < rounds; round++) {
    blank.push(await firstVisit(servers[0]!.origin, '/blank'));
    for (let turn = 0; turn < servers.length; turn++) {
      const server = servers[(round + turn) % servers.length]!;
      server.times.push(await firstVisit(server.origin, '/portal/'));
    }
  }
  const blankMs = median(blank);
  const firstMs = median(servers[0]!.times);
  console.log(`blank page ${Math.round(blankMs)} ms (runs ${blank.map(Math.round).join(', ')})`);
  for (const { label, times } of servers) {
    const ms = median(times);
    console.log(`${label}: ${Math.round(ms)} ms (runs ${times.map(Math.round).join(', ')}); ratio to blank ${(ms / blankMs).toFixed(2)}; to ${servers[0]!.label} ${(ms / firstMs).toFixed(2)}`);
  }
  console.log(`(${rounds} rounds in ${Math.round((performance.now() - started) / 1000)} s)`);
} finally {
  await Promise.all(servers.map(({ app }) => app.close()));
}
