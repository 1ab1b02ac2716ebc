import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { openStore, type StoreConfig } from '../store/openStore';

/** What a worker tells the primary once it listens. */
interface ListeningMessage {
  kind: 'listening';
  url: string;
}

function isListeningMessage(message: unknown): message is ListeningMessage {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'listening';
}

/** A worker that died unexpectedly is replaced, at most this often, so a crash loop does not spin. */
const RESTART_DELAY_MS = 1_000;

/**
 * The primary of `serve --workers N`: migrates once, forks N instances of this same command
 * (node:cluster shares the port between them), prints the address once all listen (or, when one
 * cannot start, stops the others and fails), replaces a worker that dies later, and on
 * SIGTERM/SIGINT stops them all and waits. Workers keep nothing in memory
 * that correctness needs (see docs/operations.md), so any of them may serve any kiosk.
 */
export async function runWorkers(options: {
  workers: number;
  database: StoreConfig;
  print: (line: string) => void;
  untilStopped: () => Promise<void>;
}): Promise<void> {
  // Migrating here first spares N workers queueing on the migration lock at start-up.
  await (await openStore(options.database)).close();
  // Node's round robin stays the default: the primary accepts and hands each connection over, an
  // even spread. NODE_CLUSTER_SCHED_POLICY=none lets each worker accept its own, cheaper per new
  // connection but with no gain in the fleet's latency measured (docs/performance.md, 3 December).
  let stopping = false;
  /** Set once the first N listen: from then on, a worker that dies is replaced. */
  let started = false;
  const live = new Set<Worker>();
  const fork = (): Promise<string> => {
    const worker = cluster.fork();
    live.add(worker);
    const listening = new Promise<string>((resolve, reject) => {
      worker.on('message', (message: unknown) => {
        if (isListeningMessage(message)) resolve(message.url);
      });
      worker.once('exit', (code, signal) => reject(new Error(`a worker exited before listening (${code ?? signal})`)));
    });
    worker.once('exit', () => {
      live.delete(worker);
      if (!started || stopping) return;
      setTimeout(() => {
        if (!stopping) void fork().catch(() => undefined);
      }, RESTART_DELAY_MS).unref();
    });
    return listening;
  };
  const stopAll = async () => {
    stopping = true;
    await Promise.all(
      [...live].map(async (worker) => {
        const exited = once(worker, 'exit');
        worker.process.kill('SIGTERM');
        await exited;
      }),
    );
  };
  let urls: string[];
  try {
    urls = await Promise.all(Array.from({ length: options.workers }, fork));
    started = true;
  } catch (error) {
    // A worker that cannot start (its reason is on stderr) would be replaced every second while
    // the others listen and nothing is printed: stop them all and fail, so whoever started the
    // back office (an operator, a service manager, a benchmark) sees it at once.
    await stopAll();
    throw error;
  }
  options.print(`Back office listening on ${urls[0]}`);
  options.print(`${options.workers} instances (pid ${[...live].map((w) => w.process.pid).join(', ')})`);
  await options.untilStopped();
  await stopAll();
}

/** In a worker: tell the primary where it listens (instead of printing it). */
export function reportListening(url: string): boolean {
  if (!cluster.isWorker || !process.send) return false;
  process.send({ kind: 'listening', url } satisfies ListeningMessage);
  return true;
}

export const isClusterPrimary = () => cluster.isPrimary;

/** The one process of a deployment that runs a job needing no more than one: the lone server, or worker 1 of `--workers N`. */
export const isFirstInstance = () => cluster.isPrimary || cluster.worker?.id === 1;

/** In a worker, once closed: drop the channel to the primary so the process can end. */
export function leaveCluster(): void {
  if (cluster.isWorker) cluster.worker?.disconnect();
}
