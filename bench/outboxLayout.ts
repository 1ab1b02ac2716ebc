/**
 * `npm run bench:layout`: what acknowledging a drained backlog costs IndexedDB, in Chromium, for
 * three ways of laying out the outbox. It is the measurement behind schema v4 (docs/performance.md).
 * Each layout holds the same 10,000 queued requests and is drained in batches of 1000: take a
 * batch (read its rows), then acknowledge it, each in its own strict transaction, as the kiosk does.
 * - `rowState`: schema v3, the state in the row; an ack rewrites each row (4 secondary indexes).
 * - `sideTable`: the state in a small side table keyed by id (`[state+kioskSeq]`, `retentionFrom`).
 * - `pendingStore`: schema v4, a `pending` store keyed by sequence; an ack deletes one key range.
 * Prints one JSON object as its last line: milliseconds per layout, take and ack summed over the
 * drain, medians of BENCH_RUNS runs (default 5). BENCH_COUNT changes the backlog size.
 */
import { freePort, launchKiosk, startKioskServer } from '../tests/e2e/harness';
import { queuedItems } from '../tests/fault/requests';
import { fileURLToPath } from 'node:url';
import { loadInPage } from '../tests/e2e/harness';
import type { Timings } from './outboxLayoutInPage';
import { median } from './stats';

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = 1000;

type Measure = (options: { rows: Record<string, unknown>[]; batch: number }) => Promise<Timings>;

async function main(): Promise<void> {
  const server = await startKioskServer({ backofficeUrl: 'http://127.0.0.1:9', port: await freePort() });
  const kiosk = await launchKiosk({ url: server.url });
  try {
    // A page of the kiosk origin without the app, so the app's own database work does not compete.
    await kiosk.page.goto(new URL('kiosk-config.json', server.url).href);
    const rows = queuedItems({ trackingPrefix: 'BEN', firstSeq: 1, count: COUNT }).map((item) => ({ ...item }) as Record<string, unknown>);
    const runs: Timings[] = [];
    await loadInPage(kiosk.page, fileURLToPath(new URL('./outboxLayoutInPage.ts', import.meta.url)));
    for (let run = 0; run < RUNS; run += 1) {
      runs.push(
        await kiosk.page.evaluate(
          (options) => (globalThis as unknown as { shubbakMeasureOutboxLayouts: Measure }).shubbakMeasureOutboxLayouts(options),
          { rows, batch: BATCH },
        ),
      );
    }
    const summary = Object.fromEntries(
      (['rowState', 'sideTable', 'pendingStore'] as const).map((layout) => {
        const take = median(runs.map((run) => run[layout].take));
        const ack = median(runs.map((run) => run[layout].ack));
        return [layout, { takeMs: Math.round(take), ackMs: Math.round(ack), totalMs: Math.round(take + ack) }];
      }),
    );
    console.log(JSON.stringify({ count: COUNT, batch: BATCH, runs: RUNS, ...summary }));
  } finally {
    await kiosk.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
